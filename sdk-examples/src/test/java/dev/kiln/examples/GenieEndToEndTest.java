package dev.kiln.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.emulator.GenieRule;
import dev.kiln.emulator.GenieSpaceSpec;
import dev.kiln.emulator.LocalWorkspace;
import dev.kiln.genie.GenieClient;
import dev.kiln.genie.GenieDownloadHandle;
import dev.kiln.genie.model.GenieAnswer;
import dev.kiln.genie.model.GenieFeedbackRating;
import dev.kiln.genie.model.GenieMessage;
import dev.kiln.sql.Row;
import dev.kiln.sql.StatementResult;
import dev.kiln.sql.model.StatementState;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GenieClient and {@code kiln genie messages|feedback|download} against the emulator. */
class GenieEndToEndTest {
  /** Rows per chunk: the 25-row result spans several chunks, each behind its own link. */
  static final int CHUNK_ROWS = 4;

  @TempDir
  static Path home;

  static LocalWorkspace ws;
  static GenieClient genie;
  static String spaceId;
  static Cli kiln;

  @BeforeAll
  static void start() {
    ws = LocalWorkspace.builder().genieStepDelay(Duration.ZERO).chunkRowCount(CHUNK_ROWS).start();
    ws.sql().execute("CREATE TABLE invoices AS SELECT id, id * 10 AS amount FROM range(1, 26)");
    spaceId = ws.addGenieSpace(GenieSpaceSpec.builder().title("Billing")
        .addRules(GenieRule.builder().addKeywords("invoice").sql("SELECT id, amount FROM invoices ORDER BY id").build())
        .build());
    genie = GenieClient.create(ws.client());
    kiln = Cli.against(ws, home);
  }

  @AfterAll
  static void stop() {
    ws.close();
  }

  @Test
  void theFullResultDownloadReadsEveryChunk() {
    GenieAnswer answer = genie.ask(spaceId, "all invoices");

    GenieDownloadHandle handle = genie.downloadFullResult(answer);
    try (StatementResult rows = handle.await(Duration.ofSeconds(30))) {
      List<Row> all = rows.toList();
      assertEquals(25, all.size());
      assertTrue(rows.response().manifest().orElseThrow().totalChunkCount().orElse(0) > 1, "more than one chunk");
      assertEquals(1L, all.get(0).getLong("id"));
      assertEquals(250L, all.get(24).getLong("amount"));
    }
    assertEquals(StatementState.SUCCEEDED, handle.status());
  }

  @Test
  void feedbackShowsInTheMessagesList() {
    GenieAnswer answer = genie.ask(spaceId, "invoice count");

    genie.sendFeedback(spaceId, answer.conversationId(), answer.messageId(), GenieFeedbackRating.NEGATIVE, "too many");
    List<GenieMessage> messages = genie.listMessages(spaceId, answer.conversationId()).stream()
        .collect(Collectors.toList());

    assertEquals(1, messages.size());
    assertEquals(GenieFeedbackRating.NEGATIVE, messages.get(0).feedback().orElseThrow().rating());
    genie.deleteConversation(spaceId, answer.conversationId());
    assertEquals(0, genie.listConversations(spaceId).stream()
        .filter(c -> c.conversationId().equals(answer.conversationId())).count());
  }

  @Test
  void theCliListsRatesAndDownloads() {
    GenieAnswer answer = genie.ask(spaceId, "invoices please");
    String conversation = answer.conversationId();
    String message = answer.messageId();

    Cli.Result rated = kiln.run("genie", "feedback", spaceId, conversation, message, "POSITIVE", "--comment", "ok");
    assertEquals(0, rated.exitCode, rated.toString());
    Cli.Result listed = kiln.run("genie", "messages", spaceId, conversation);
    assertEquals(0, listed.exitCode, listed.toString());
    assertTrue(listed.out.contains(message) && listed.out.contains("POSITIVE"), listed.out);
    Cli.Result downloaded = kiln.run("--output", "csv", "genie", "download", spaceId, conversation, message);
    assertEquals(0, downloaded.exitCode, downloaded.toString());
    assertEquals(26, downloaded.out.strip().split("\n").length, "header and 25 rows: " + downloaded.out);
    Cli.Result bad = kiln.run("genie", "feedback", spaceId, conversation, message, "MEH");
    assertTrue(bad.exitCode != 0, bad.toString());
  }
}
