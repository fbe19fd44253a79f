package dev.kiln.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Genie over the wire: statuses, attachments, query results through the SQL routes, expiry, follow-ups. */
class GenieApiTest {
  static LocalWorkspace ws;
  static Wire wire;
  static String spaceId;

  @BeforeAll
  static void start() {
    ws = LocalWorkspace.builder().genieStepDelay(Duration.ZERO).start();
    wire = new Wire(ws);
    ws.sql().execute(
        "CREATE TABLE opportunities AS SELECT * FROM (VALUES ('Acme', 'open', 500), ('Globex', 'open', 900),"
            + " ('Initech', 'won', 300)) AS t(name, stage, amount)");
    spaceId =
        ws.addGenieSpace(
            GenieSpaceSpec.builder()
                .title("Sales")
                .description("Pipeline questions")
                .addRules(
                    GenieRule.builder()
                        .addKeywords("open", "opportunit")
                        .sql("SELECT name, amount FROM opportunities WHERE stage = 'open' ORDER BY amount DESC")
                        .queryDescription("Open opportunities by amount")
                        .answer("Globex is the biggest open opportunity.")
                        .addSuggestedQuestions("Which ones did we win?")
                        .build(),
                    GenieRule.builder().addKeywords("won").sql("SELECT name FROM opportunities WHERE stage = 'won'").build(),
                    GenieRule.builder().addKeywords("hello").answer("Hello! Ask me about the pipeline.").build(),
                    GenieRule.builder().addKeywords("explode").failWith("The model is unavailable.").build(),
                    GenieRule.builder().addKeywords("broken sql").sql("SELECT * FROM no_such_table").build())
                .build());
  }

  @AfterAll
  static void stop() {
    ws.close();
  }

  private static String base() {
    return "/api/2.0/genie/spaces/" + spaceId;
  }

  private static JsonNode start(String question) {
    Wire.Reply reply = wire.post(base() + "/start-conversation", Wire.object().put("content", question));
    assertEquals(200, reply.status, reply.body);
    return reply.json();
  }

  /** Waits on the workspace until the message is terminal, then GETs it. */
  private static JsonNode awaitMessage(String conversationId, String messageId) {
    ws.awaitGenieMessage(messageId, Wire.WAIT);
    return wire.get(base() + "/conversations/" + conversationId + "/messages/" + messageId).json();
  }

  private static JsonNode attachment(JsonNode message, String kind) {
    for (JsonNode attachment : message.path("attachments")) {
      if (attachment.has(kind)) {
        return attachment;
      }
    }
    return fail("no " + kind + " attachment in " + message);
  }

  @Test
  void aMatchedQuestionCompletesWithQueryTextAndSuggestions() {
    JsonNode started = start("What are the biggest open opportunities?");
    String conversationId = started.path("conversation_id").asText();
    String messageId = started.path("message_id").asText();
    assertEquals(conversationId, started.at("/conversation/conversation_id").asText());
    assertEquals(messageId, started.at("/message/message_id").asText());
    assertEquals(messageId, started.at("/message/id").asText());

    JsonNode message = awaitMessage(conversationId, messageId);

    assertEquals("COMPLETED", message.path("status").asText(), message.toString());
    JsonNode query = attachment(message, "query");
    assertTrue(query.at("/query/query").asText().contains("stage = 'open'"));
    assertEquals("Open opportunities by amount", query.at("/query/description").asText());
    assertEquals(2, query.at("/query/query_result_metadata/row_count").asInt());
    assertFalse(query.at("/query/query_result_metadata/is_truncated").asBoolean());
    assertEquals("Globex is the biggest open opportunity.", attachment(message, "text").at("/text/content").asText());
    assertEquals("Which ones did we win?", attachment(message, "suggested_questions").at("/suggested_questions/questions/0").asText());

    String attachmentId = query.path("attachment_id").asText();
    JsonNode result =
        wire.get(base() + "/conversations/" + conversationId + "/messages/" + messageId + "/attachments/"
            + attachmentId + "/query-result").json();
    JsonNode statement = result.path("statement_response");
    assertEquals("SUCCEEDED", statement.at("/status/state").asText());
    assertEquals(query.at("/query/statement_id").asText(), statement.path("statement_id").asText());
    assertEquals("[[\"Globex\",\"900\"],[\"Acme\",\"500\"]]", statement.at("/result/data_array").toString());
    assertEquals("[[\"Globex\",\"900\"],[\"Acme\",\"500\"]]",
        wire.chunk(statement.path("statement_id").asText(), 0).path("data_array").toString());
  }

  @Test
  void statusesMoveThroughTheRealisticSteps() {
    try (LocalWorkspace slow = LocalWorkspace.builder().genieStepDelay(Duration.ofMillis(100)).start()) {
      String space = slow.addGenieSpace(GenieSpaceSpec.builder().title("S")
          .addRules(GenieRule.builder().addKeywords("count").sql("SELECT COUNT(*) AS c FROM range(5)").build()).build());
      Wire slowWire = new Wire(slow);
      JsonNode started = slowWire.post("/api/2.0/genie/spaces/" + space + "/start-conversation",
          Wire.object().put("content", "count them")).json();
      assertEquals("SUBMITTED", started.at("/message/status").asText());
      String messageId = started.path("message_id").asText();
      String path = "/api/2.0/genie/spaces/" + space + "/conversations/" + started.path("conversation_id").asText()
          + "/messages/" + messageId;
      List<String> seen = new ArrayList<>();
      seen.add("SUBMITTED");
      String last = "SUBMITTED";
      for (int step = 0; step < 10 && !last.equals("COMPLETED"); step++) {
        // Wake on the next change, then read it over the wire as a client would.
        slow.awaitGenieMessageChange(messageId, last, Wire.WAIT);
        String status = slowWire.get(path).json().path("status").asText();
        if (!status.equals(last)) {
          seen.add(status);
          last = status;
        }
      }
      // A busy machine may poll past a step, but what is seen must follow the order, with steps in between.
      List<String> order = List.of("SUBMITTED", "FETCHING_METADATA", "ASKING_AI", "EXECUTING_QUERY", "COMPLETED");
      List<Integer> positions = new ArrayList<>();
      seen.forEach(status -> positions.add(order.indexOf(status)));
      List<Integer> sorted = new ArrayList<>(positions);
      sorted.sort(null);
      assertEquals(sorted, positions, seen.toString());
      assertFalse(positions.contains(-1), seen.toString());
      assertEquals("COMPLETED", seen.get(seen.size() - 1));
      assertTrue(seen.size() >= 3, seen.toString());
    }
  }

  @Test
  void unmatchedQuestionsCompleteWithAFallbackText() {
    JsonNode started = start("What is the meaning of life?");
    JsonNode message = awaitMessage(started.path("conversation_id").asText(), started.path("message_id").asText());

    assertEquals("COMPLETED", message.path("status").asText());
    assertEquals(1, message.path("attachments").size());
    assertTrue(attachment(message, "text").at("/text/content").asText().contains("could not answer"));
  }

  @Test
  void failingRulesAndFailingSqlEndFailed() {
    JsonNode started = start("please explode");
    JsonNode failed = awaitMessage(started.path("conversation_id").asText(), started.path("message_id").asText());
    assertEquals("FAILED", failed.path("status").asText());
    assertEquals("The model is unavailable.", failed.at("/error/error").asText());

    JsonNode broken = start("run the broken sql");
    JsonNode sqlFailed = awaitMessage(broken.path("conversation_id").asText(), broken.path("message_id").asText());
    assertEquals("FAILED", sqlFailed.path("status").asText());
    assertEquals("SQL_EXECUTION_EXCEPTION", sqlFailed.at("/error/type").asText());
  }

  @Test
  void anExpiredQueryResultCanBeExecutedAgain() {
    JsonNode started = start("open opportunities please");
    String conversationId = started.path("conversation_id").asText();
    String messageId = started.path("message_id").asText();
    JsonNode done = awaitMessage(conversationId, messageId);
    String attachmentId = attachment(done, "query").path("attachment_id").asText();
    String messagePath = base() + "/conversations/" + conversationId + "/messages/" + messageId;

    ws.expireGenieQueryResult(messageId);

    assertEquals("QUERY_RESULT_EXPIRED", wire.get(messagePath).json().path("status").asText());
    JsonNode expired = wire.get(messagePath + "/attachments/" + attachmentId + "/query-result").json();
    assertEquals("CLOSED", expired.at("/statement_response/status/state").asText());

    Wire.Reply rerun = wire.post(messagePath + "/attachments/" + attachmentId + "/execute-query", Wire.object());
    assertEquals(200, rerun.status, rerun.body);
    JsonNode statement = rerun.json().path("statement_response");
    assertEquals("SUCCEEDED", statement.at("/status/state").asText());
    assertEquals(2, statement.at("/manifest/total_row_count").asInt());
    JsonNode again = awaitMessage(conversationId, messageId);
    assertEquals("COMPLETED", again.path("status").asText());
    assertEquals(statement.path("statement_id").asText(), attachment(again, "query").at("/query/statement_id").asText());
  }

  @Test
  void followUpsJoinTheConversation() {
    JsonNode started = start("hello there");
    String conversationId = started.path("conversation_id").asText();
    awaitMessage(conversationId, started.path("message_id").asText());

    Wire.Reply followUp =
        wire.post(base() + "/conversations/" + conversationId + "/messages", Wire.object().put("content", "which deals were won?"));
    assertEquals(200, followUp.status, followUp.body);
    JsonNode message = awaitMessage(conversationId, followUp.json().path("message_id").asText());

    assertEquals("COMPLETED", message.path("status").asText());
    assertEquals(conversationId, message.path("conversation_id").asText());
    assertEquals(1, attachment(message, "query").at("/query/query_result_metadata/row_count").asInt());
    JsonNode messages = wire.get(base() + "/conversations/" + conversationId + "/messages").json();
    assertEquals(2, messages.path("messages").size());
    assertEquals("hello there", wire.get(base() + "/conversations/" + conversationId).json().path("title").asText());
  }

  @Test
  void spacesAndConversationsArePaged() {
    ws.addGenieSpace(GenieSpaceSpec.builder().title("Second").build());
    JsonNode firstPage = wire.get("/api/2.0/genie/spaces?page_size=1").json();
    assertEquals(1, firstPage.path("spaces").size());
    JsonNode secondPage =
        wire.get("/api/2.0/genie/spaces?page_size=1&page_token=" + firstPage.path("next_page_token").asText()).json();
    assertEquals("Second", secondPage.at("/spaces/0/title").asText());
    assertEquals(ws.defaultWarehouseId(), wire.get(base()).json().path("warehouse_id").asText());

    start("hello one");
    start("hello two");
    JsonNode conversations = wire.get(base() + "/conversations?page_size=1").json();
    assertEquals(1, conversations.path("conversations").size());
    assertTrue(conversations.has("next_page_token"));
    assertEquals(404, wire.get("/api/2.0/genie/spaces/nope").status);
    assertEquals(400, wire.post(base() + "/start-conversation", Wire.object()).status);
  }
}
