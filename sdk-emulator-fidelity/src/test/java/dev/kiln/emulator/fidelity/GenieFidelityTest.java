package dev.kiln.emulator.fidelity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.core.error.platform.NotFound;
import com.databricks.sdk.service.dashboards.GenieAttachment;
import com.databricks.sdk.service.dashboards.GenieConversationSummary;
import com.databricks.sdk.service.dashboards.GenieCreateConversationMessageRequest;
import com.databricks.sdk.service.dashboards.GenieExecuteMessageAttachmentQueryRequest;
import com.databricks.sdk.service.dashboards.GenieExecuteMessageQueryRequest;
import com.databricks.sdk.service.dashboards.GenieGetMessageQueryResultResponse;
import com.databricks.sdk.service.dashboards.GenieListConversationMessagesResponse;
import com.databricks.sdk.service.dashboards.GenieListConversationsResponse;
import com.databricks.sdk.service.dashboards.GenieListSpacesRequest;
import com.databricks.sdk.service.dashboards.GenieListSpacesResponse;
import com.databricks.sdk.service.dashboards.GenieMessage;
import com.databricks.sdk.service.dashboards.GenieQueryAttachment;
import com.databricks.sdk.service.dashboards.GenieSpace;
import com.databricks.sdk.service.dashboards.GenieStartConversationMessageRequest;
import com.databricks.sdk.service.dashboards.GenieStartConversationResponse;
import com.databricks.sdk.service.dashboards.MessageErrorType;
import com.databricks.sdk.service.dashboards.MessageStatus;
import com.databricks.sdk.service.sql.ColumnInfoTypeName;
import com.databricks.sdk.service.sql.StatementResponse;
import com.databricks.sdk.service.sql.StatementState;
import com.databricks.sdk.support.Wait;
import dev.kiln.emulator.GenieRule;
import dev.kiln.emulator.GenieSpaceSpec;
import dev.kiln.emulator.LocalWorkspace;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Genie through the official SDK's {@code GenieAPI}: conversations, waiters, attachments and query results. */
class GenieFidelityTest {
  private static final Set<MessageStatus> TERMINAL =
      EnumSet.of(MessageStatus.COMPLETED, MessageStatus.FAILED, MessageStatus.CANCELLED, MessageStatus.QUERY_RESULT_EXPIRED);

  static LocalWorkspace ws;
  static WorkspaceClient w;
  static String spaceId;

  @BeforeAll
  static void start() {
    ws = LocalWorkspace.builder().genieStepDelay(Duration.ofMillis(10)).start();
    w = OfficialSdk.client(ws);
    ws.sql().execute(
        "CREATE TABLE opportunities AS SELECT * FROM (VALUES ('Acme', 'open', 500), ('Globex', 'open', 900),"
            + " ('Initech', 'won', 300)) AS t(name, stage, amount)");
    spaceId = ws.addGenieSpace(GenieSpaceSpec.builder()
        .title("Sales")
        .description("Pipeline questions")
        .addRules(
            GenieRule.builder()
                .addKeywords("open", "opportunit")
                .sql("SELECT name, amount FROM opportunities WHERE stage = 'open' ORDER BY amount DESC")
                .queryTitle("Open opportunities")
                .queryDescription("Open opportunities by amount")
                .answer("Globex is the biggest open opportunity.")
                .addSuggestedQuestions("Which ones did we win?")
                .build(),
            GenieRule.builder().addKeywords("won").sql("SELECT name FROM opportunities WHERE stage = 'won'").build(),
            GenieRule.builder().addKeywords("hello").answer("Hello! Ask me about the pipeline.").build(),
            GenieRule.builder().addKeywords("broken sql").sql("SELECT * FROM no_such_table").build())
        .build());
  }

  @AfterAll
  static void stop() {
    ws.close();
  }

  private static GenieStartConversationResponse ask(String question) {
    return w.genie()
        .startConversation(new GenieStartConversationMessageRequest().setSpaceId(spaceId).setContent(question))
        .getResponse();
  }

  /**
   * Waits on the workspace (no polling) until the message is terminal, then reads it with {@code getMessage}, as a
   * caller without the SDK's 1-second waiter would.
   */
  private static GenieMessage await(String conversationId, String messageId) {
    ws.awaitGenieMessage(messageId, Duration.ofSeconds(15));
    GenieMessage message = w.genie().getMessage(spaceId, conversationId, messageId);
    assertNotNull(message.getStatus(), "every status must be one the SDK's MessageStatus knows");
    assertTrue(TERMINAL.contains(message.getStatus()), String.valueOf(message.getStatus()));
    return message;
  }

  private static GenieAttachment attachment(GenieMessage message, Predicate<GenieAttachment> kind) {
    return message.getAttachments().stream().filter(kind).findFirst()
        .orElseGet(() -> fail("no such attachment in " + message));
  }

  @Test
  void startConversationAndItsWaiterCompleteWithAQueryAttachment() throws Exception {
    Wait<GenieMessage, GenieStartConversationResponse> started = w.genie().startConversation(
        new GenieStartConversationMessageRequest().setSpaceId(spaceId).setContent("What are the biggest open opportunities?"));
    GenieStartConversationResponse response = started.getResponse();
    String conversationId = response.getConversationId();
    String messageId = response.getMessageId();
    assertNotNull(conversationId);
    assertNotNull(messageId);
    assertEquals(conversationId, response.getConversation().getConversationId());
    assertEquals(messageId, response.getMessage().getMessageId());
    assertEquals(spaceId, response.getMessage().getSpaceId());
    assertNotNull(response.getMessage().getStatus());

    GenieMessage message = started.get(Duration.ofSeconds(20));

    assertEquals(MessageStatus.COMPLETED, message.getStatus());
    assertEquals(messageId, message.getMessageId());
    assertEquals(conversationId, message.getConversationId());
    assertEquals("What are the biggest open opportunities?", message.getContent());
    assertTrue(message.getCreatedTimestamp() > 0);
    assertTrue(message.getLastUpdatedTimestamp() >= message.getCreatedTimestamp());

    GenieAttachment query = attachment(message, a -> a.getQuery() != null);
    assertNotNull(query.getAttachmentId());
    GenieQueryAttachment q = query.getQuery();
    assertTrue(q.getQuery().contains("stage = 'open'"), q.getQuery());
    assertEquals("Open opportunities", q.getTitle());
    assertEquals("Open opportunities by amount", q.getDescription());
    assertNotNull(q.getStatementId());
    assertEquals(2L, q.getQueryResultMetadata().getRowCount());
    assertFalse(q.getQueryResultMetadata().getIsTruncated());
    assertEquals("Globex is the biggest open opportunity.",
        attachment(message, a -> a.getText() != null).getText().getContent());
    assertEquals(List.of("Which ones did we win?"),
        new ArrayList<>(attachment(message, a -> a.getSuggestedQuestions() != null).getSuggestedQuestions().getQuestions()));

    // The query result, through the attachment routes and the SQL statement routes.
    GenieGetMessageQueryResultResponse result =
        w.genie().getMessageAttachmentQueryResult(spaceId, conversationId, messageId, query.getAttachmentId());
    StatementResponse statement = result.getStatementResponse();
    assertEquals(StatementState.SUCCEEDED, statement.getStatus().getState());
    assertEquals(q.getStatementId(), statement.getStatementId());
    assertEquals(ColumnInfoTypeName.STRING, statement.getManifest().getSchema().getColumns().iterator().next().getTypeName());
    assertEquals(List.of(List.of("Globex", "900"), List.of("Acme", "500")),
        statement.getResult().getDataArray().stream().map(ArrayList::new).collect(Collectors.toList()));
    assertEquals(List.of(List.of("Globex", "900"), List.of("Acme", "500")),
        w.statementExecution().getStatementResultChunkN(statement.getStatementId(), 0).getDataArray().stream()
            .map(ArrayList::new).collect(Collectors.toList()));

    GenieGetMessageQueryResultResponse byAttachment =
        w.genie().getMessageQueryResultByAttachment(spaceId, conversationId, messageId, query.getAttachmentId());
    assertEquals(q.getStatementId(), byAttachment.getStatementResponse().getStatementId());
    GenieGetMessageQueryResultResponse deprecated = w.genie().getMessageQueryResult(spaceId, conversationId, messageId);
    assertEquals(StatementState.SUCCEEDED, deprecated.getStatementResponse().getStatus().getState());
  }

  @Test
  void executeMessageAttachmentQueryRunsAnExpiredResultAgain() {
    GenieStartConversationResponse started = ask("open opportunities please");
    String conversationId = started.getConversationId();
    String messageId = started.getMessageId();
    GenieMessage done = await(conversationId, messageId);
    assertEquals(MessageStatus.COMPLETED, done.getStatus());
    String attachmentId = attachment(done, a -> a.getQuery() != null).getAttachmentId();

    ws.expireGenieQueryResult(messageId);
    assertEquals(MessageStatus.QUERY_RESULT_EXPIRED, w.genie().getMessage(spaceId, conversationId, messageId).getStatus());
    assertEquals(StatementState.CLOSED, w.genie()
        .getMessageAttachmentQueryResult(spaceId, conversationId, messageId, attachmentId)
        .getStatementResponse().getStatus().getState());

    GenieGetMessageQueryResultResponse rerun = w.genie().executeMessageAttachmentQuery(
        new GenieExecuteMessageAttachmentQueryRequest()
            .setSpaceId(spaceId).setConversationId(conversationId).setMessageId(messageId).setAttachmentId(attachmentId));

    StatementResponse statement = rerun.getStatementResponse();
    assertEquals(StatementState.SUCCEEDED, statement.getStatus().getState());
    assertEquals(2L, statement.getManifest().getTotalRowCount());
    GenieMessage again = await(conversationId, messageId);
    assertEquals(MessageStatus.COMPLETED, again.getStatus());
    assertEquals(statement.getStatementId(), attachment(again, a -> a.getQuery() != null).getQuery().getStatementId());
  }

  @Test
  void followUpsJoinTheConversationAndAreListed() throws Exception {
    GenieStartConversationResponse started = ask("hello there");
    String conversationId = started.getConversationId();
    GenieMessage greeting = await(conversationId, started.getMessageId());
    assertEquals(MessageStatus.COMPLETED, greeting.getStatus());
    assertEquals(1, greeting.getAttachments().size());
    assertEquals("Hello! Ask me about the pipeline.", greeting.getAttachments().iterator().next().getText().getContent());

    Wait<GenieMessage, GenieMessage> followUp = w.genie().createMessage(new GenieCreateConversationMessageRequest()
        .setSpaceId(spaceId).setConversationId(conversationId).setContent("which deals were won?"));
    String followUpId = followUp.getResponse().getMessageId();
    GenieMessage won = await(conversationId, followUpId);
    assertEquals(MessageStatus.COMPLETED, won.getStatus());
    assertEquals(conversationId, won.getConversationId());
    assertEquals(1L, attachment(won, a -> a.getQuery() != null).getQuery().getQueryResultMetadata().getRowCount());

    GenieListConversationMessagesResponse messages = w.genie().listConversationMessages(spaceId, conversationId);
    assertEquals(List.of(started.getMessageId(), followUpId),
        messages.getMessages().stream().map(GenieMessage::getMessageId).collect(Collectors.toList()));

    GenieListConversationsResponse conversations = w.genie().listConversations(spaceId);
    List<String> ids = conversations.getConversations().stream()
        .map(GenieConversationSummary::getConversationId).collect(Collectors.toList());
    assertTrue(ids.contains(conversationId), ids.toString());
    GenieConversationSummary summary = conversations.getConversations().stream()
        .filter(c -> c.getConversationId().equals(conversationId)).findFirst().get();
    assertEquals("hello there", summary.getTitle());
    assertTrue(summary.getCreatedTimestamp() > 0);
  }

  @Test
  void theDeprecatedMessageRoutesAndDeleteConversationWork() {
    GenieStartConversationResponse started = ask("list open opportunities");
    await(started.getConversationId(), started.getMessageId());

    GenieGetMessageQueryResultResponse rerun = w.genie().executeMessageQuery(new GenieExecuteMessageQueryRequest()
        .setSpaceId(spaceId).setConversationId(started.getConversationId()).setMessageId(started.getMessageId()));
    assertEquals(StatementState.SUCCEEDED, rerun.getStatementResponse().getStatus().getState());
    assertEquals(2L, rerun.getStatementResponse().getManifest().getTotalRowCount());

    w.genie().deleteConversation(spaceId, started.getConversationId());
    assertThrows(NotFound.class, () -> w.genie().getMessage(spaceId, started.getConversationId(), started.getMessageId()));
  }

  @Test
  void failingSqlEndsFailedWithATypedError() {
    GenieStartConversationResponse started = ask("run the broken sql");
    GenieMessage failed = await(started.getConversationId(), started.getMessageId());
    assertEquals(MessageStatus.FAILED, failed.getStatus());
    assertNotNull(failed.getError());
    assertEquals(MessageErrorType.SQL_EXECUTION_EXCEPTION, failed.getError().getType());
    assertNotNull(failed.getError().getError());
  }

  @Test
  void spacesAreListedAndFetched() {
    try (LocalWorkspace two = LocalWorkspace.start()) {
      WorkspaceClient client = OfficialSdk.client(two);
      String first = two.addGenieSpace(GenieSpaceSpec.builder().title("First").description("one").build());
      String second = two.addGenieSpace(GenieSpaceSpec.builder().title("Second").build());

      GenieListSpacesResponse page1 = client.genie().listSpaces(new GenieListSpacesRequest().setPageSize(1L));
      assertEquals(1, page1.getSpaces().size());
      assertNotNull(page1.getNextPageToken());
      GenieListSpacesResponse page2 = client.genie().listSpaces(
          new GenieListSpacesRequest().setPageSize(1L).setPageToken(page1.getNextPageToken()));
      List<String> ids = new ArrayList<>();
      page1.getSpaces().forEach(s -> ids.add(s.getSpaceId()));
      page2.getSpaces().forEach(s -> ids.add(s.getSpaceId()));
      assertEquals(List.of(first, second), ids);

      GenieSpace space = client.genie().getSpace(first);
      assertEquals("First", space.getTitle());
      assertEquals("one", space.getDescription());
      assertEquals(two.defaultWarehouseId(), space.getWarehouseId());
      assertThrows(NotFound.class, () -> client.genie().getSpace("0123456789abcdef0123456789abcdef"));
    }
  }
}
