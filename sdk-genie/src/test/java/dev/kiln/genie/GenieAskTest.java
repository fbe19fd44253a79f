package dev.kiln.genie;

import static dev.kiln.genie.GenieWire.CONVERSATION;
import static dev.kiln.genie.GenieWire.SPACE;
import static dev.kiln.genie.GenieWire.message;
import static dev.kiln.genie.GenieWire.messagePath;
import static dev.kiln.genie.GenieWire.started;
import static dev.kiln.core.testing.Wire.expectGet;
import static dev.kiln.core.testing.Wire.expectJsonPost;
import static dev.kiln.core.testing.Wire.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.core.DatabricksClient;
import dev.kiln.core.spi.Futures;
import dev.kiln.core.error.DatabricksClientException;
import dev.kiln.core.error.InvalidRequestException;
import dev.kiln.core.error.OperationTimeoutException;
import dev.kiln.core.error.ResourceDoesNotExistException;
import dev.kiln.core.testing.FakeSleeper;
import dev.kiln.core.testing.TestClients;
import dev.kiln.core.testing.Wire;
import dev.kiln.genie.model.GenieAnswer;
import dev.kiln.genie.model.GenieMessage;
import dev.kiln.genie.model.GenieMessageStatus;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

class GenieAskTest extends GenieTestBase {

  private static final String ATTACHMENTS = "["
      + "{'attachment_id':'att-text','text':{'content':'Acme has the biggest open opportunity.'}},"
      + "{'attachment_id':'att-query','query':{'title':'Open opportunities','description':'Open deals by amount',"
      + "'query':'SELECT name, amount FROM deals WHERE open ORDER BY amount DESC','statement_id':'st-1',"
      + "'query_result_metadata':{'row_count':3,'is_truncated':false}}},"
      + "{'attachment_id':'att-sugg','suggested_questions':{'questions':['Which closed last month?']}}]";

  @Test
  void askStartsAConversationPollsEveryStatusAndReturnsTheAnswer() throws Exception {
    server.enqueue(ok(started("msg-1", "SUBMITTED")));
    server.enqueue(ok(message("msg-1", "FETCHING_METADATA")));
    server.enqueue(ok(message("msg-1", "ASKING_AI")));
    server.enqueue(ok(message("msg-1", "EXECUTING_QUERY")));
    server.enqueue(ok(message("msg-1", "COMPLETED", ATTACHMENTS)));

    GenieAnswer a = genie.ask("space-1", "Biggest open opportunities");

    assertEquals("conv-1", a.conversationId());
    assertEquals("msg-1", a.messageId());
    assertEquals("space-1", a.spaceId());
    assertEquals(GenieMessageStatus.COMPLETED, a.status());
    assertEquals("Acme has the biggest open opportunity.", a.text());
    assertEquals("SELECT name, amount FROM deals WHERE open ORDER BY amount DESC", a.query().orElseThrow().sql());
    assertEquals(Optional.of("Open deals by amount"), a.query().orElseThrow().description());
    assertEquals(Optional.of("st-1"), a.query().orElseThrow().statementId());
    assertEquals(Optional.of(3L), a.query().orElseThrow().rowCount());
    assertEquals(List.of("Which closed last month?"), a.suggestedQuestions());
    assertEquals(3, a.attachments().size());

    expectJsonPost(server, SPACE + "/start-conversation", "{'content':'Biggest open opportunities'}");
    for (int i = 0; i < 4; i++) {
      expectGet(server, messagePath("msg-1"));
    }
    assertEquals(5, server.getRequestCount());
    // growing gaps between polls (GenieOptions defaults): 500 ms, then x1.15
    assertEquals(List.of(Duration.ofMillis(500), Duration.ofMillis(575), Duration.ofMillis(661),
        Duration.ofMillis(760)), sleeper.sleeps());
  }

  @Test
  void followUpGoesToTheSameConversation() throws Exception {
    server.enqueue(ok(message("msg-2", "SUBMITTED")));
    server.enqueue(ok(message("msg-2", "COMPLETED",
        "[{'attachment_id':'t','text':{'content':'In March: Globex.'}}]")));

    GenieAnswer a = genie.ask("space-1", "conv-1", "Which closed last month?");

    assertEquals("In March: Globex.", a.text());
    assertEquals("conv-1", a.conversationId());
    assertEquals("msg-2", a.messageId());
    expectJsonPost(server, CONVERSATION + "/messages", "{'content':'Which closed last month?'}");
    expectGet(server, messagePath("msg-2"));
    assertEquals(2, server.getRequestCount());
  }

  @Test
  void createMessageReturnsAHandleOnTheFollowUp() throws Exception {
    server.enqueue(ok(message("msg-2", "SUBMITTED")));
    server.enqueue(ok(message("msg-2", "COMPLETED")));

    GenieMessageHandle handle = genie.createMessage("space-1", "conv-1", "And by region?");
    assertEquals("space-1", handle.spaceId());
    assertEquals("conv-1", handle.conversationId());
    assertEquals("msg-2", handle.id());
    GenieAnswer a = handle.await(Duration.ofSeconds(5));

    assertEquals(GenieMessageStatus.COMPLETED, a.status());
    assertTrue(handle.isDone());
    assertEquals(GenieMessageStatus.COMPLETED, handle.status());
    expectJsonPost(server, CONVERSATION + "/messages", "{'content':'And by region?'}");
    expectGet(server, messagePath("msg-2"));
  }

  @Test
  void failedEndsAtOnceWithTheErrorTextAndType() throws Exception {
    server.enqueue(ok(started("msg-1", "SUBMITTED")));
    server.enqueue(ok("{'message_id':'msg-1','conversation_id':'conv-1','status':'FAILED',"
        + "'error':{'error':'Table gold.deals not found','type':'GENERIC_SQL_EXEC_EXCEPTION'}}"));

    GenieFailedException e = assertThrows(GenieFailedException.class, () -> genie.ask("space-1", "Deals?"));

    assertEquals(Optional.of("Table gold.deals not found"), e.error());
    assertEquals(Optional.of("GENERIC_SQL_EXEC_EXCEPTION"), e.errorType());
    assertEquals("msg-1", e.messageId());
    assertEquals("conv-1", e.conversationId());
    assertEquals("space-1", e.spaceId());
    assertTrue(e.getMessage().contains("Table gold.deals not found"), e.getMessage());
    assertEquals(2, server.getRequestCount(), "one poll, then no more");
  }

  @Test
  void cancelledEndsAtOnce() throws Exception {
    server.enqueue(ok(started("msg-1", "SUBMITTED")));
    server.enqueue(ok(message("msg-1", "ASKING_AI")));
    server.enqueue(ok(message("msg-1", "CANCELLED")));

    GenieCancelledException e = assertThrows(GenieCancelledException.class, () -> genie.ask("space-1", "Deals?"));

    assertEquals("msg-1", e.messageId());
    assertEquals(3, server.getRequestCount(), "two polls, then no more (official SDKs poll for 20 minutes)");
    assertEquals(2, sleeper.sleeps().size());
  }

  @Test
  void queryResultExpiredEndsAtOnceWithAnAnswer() throws Exception {
    server.enqueue(ok(started("msg-1", "SUBMITTED")));
    server.enqueue(ok(message("msg-1", "QUERY_RESULT_EXPIRED", ATTACHMENTS)));

    GenieAnswer a = genie.ask("space-1", "Deals?");

    assertEquals(GenieMessageStatus.QUERY_RESULT_EXPIRED, a.status());
    assertTrue(a.isQueryResultExpired());
    assertTrue(a.query().isPresent());
    assertEquals(2, server.getRequestCount(), "one poll, then no more");
  }

  @Test
  void aTerminalCreateResponseNeedsNoPoll() throws Exception {
    server.enqueue(ok(message("msg-3", "COMPLETED")));

    GenieAnswer a = genie.ask("space-1", "conv-1", "Thanks");

    assertEquals("msg-3", a.messageId());
    assertEquals(1, server.getRequestCount());
    assertEquals(List.of(), sleeper.sleeps());
  }

  @Test
  void anUnknownStatusCountsAsInProgress() throws Exception {
    server.enqueue(ok(started("msg-1", "SUBMITTED")));
    server.enqueue(ok(message("msg-1", "CONSULTING_ORACLE")));
    server.enqueue(ok(message("msg-1", "COMPLETED")));
    List<String> seen = new CopyOnWriteArrayList<>();

    GenieMessageHandle handle = genie.startConversation("space-1", "Deals?", m -> seen.add(m.rawStatus()));
    GenieAnswer a = handle.await();

    assertEquals(GenieMessageStatus.COMPLETED, a.status());
    assertEquals(List.of("SUBMITTED", "CONSULTING_ORACLE", "COMPLETED"), seen);
    assertEquals(3, server.getRequestCount());
  }

  @Test
  void anUnknownStatusForeverEndsAtTheMessageTimeout() throws Exception {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest r) {
        return "POST".equals(r.getMethod()) ? ok(started("msg-1", "SUBMITTED")) : ok(message("msg-1", "CONSULTING_ORACLE"));
      }
    });
    GenieClient patient = GenieClient.create(db, GenieOptions.builder().messageTimeout(Duration.ofSeconds(4)).build());

    OperationTimeoutException e = assertThrows(OperationTimeoutException.class, () -> patient.ask("space-1", "Deals?"));

    assertTrue(e.getMessage().contains("msg-1"), e.getMessage());
    // the last gap is cut to the deadline: 0.5 + 0.575 + 0.661 + 0.76 + 0.873 + 0.631 = 4 s
    assertEquals(List.of(Duration.ofMillis(500), Duration.ofMillis(575), Duration.ofMillis(661),
        Duration.ofMillis(760), Duration.ofMillis(873), Duration.ofMillis(631)), sleeper.sleeps());
    assertEquals(1 + 6, server.getRequestCount());
  }

  @Test
  void theDefaultMessageTimeoutIsTenMinutes() {
    assertEquals(Duration.ofMinutes(10), genie.options().messageTimeout());
    assertThrows(IllegalArgumentException.class, () -> GenieOptions.builder().messageTimeout(Duration.ZERO));
  }

  @Test
  void theListenerSeesEveryStatusOnceInOrder() throws Exception {
    server.enqueue(ok(started("msg-1", "SUBMITTED")));
    server.enqueue(ok(message("msg-1", "FETCHING_METADATA")));
    server.enqueue(ok(message("msg-1", "ASKING_AI")));
    server.enqueue(ok(message("msg-1", "ASKING_AI")));
    server.enqueue(ok(message("msg-1", "PENDING_WAREHOUSE")));
    server.enqueue(ok(message("msg-1", "EXECUTING_QUERY")));
    server.enqueue(ok(message("msg-1", "EXECUTING_QUERY")));
    server.enqueue(ok(message("msg-1", "COMPLETED", ATTACHMENTS)));
    List<GenieMessageStatus> seen = new CopyOnWriteArrayList<>();

    GenieMessageHandle handle = genie.startConversation("space-1", "Deals?", m -> seen.add(m.status()));
    handle.await(Duration.ofSeconds(5));

    assertEquals(List.of(GenieMessageStatus.SUBMITTED, GenieMessageStatus.FETCHING_METADATA,
        GenieMessageStatus.ASKING_AI, GenieMessageStatus.PENDING_WAREHOUSE, GenieMessageStatus.EXECUTING_QUERY,
        GenieMessageStatus.COMPLETED), seen);
    assertEquals(8, server.getRequestCount());
    // a listener added later gets the current message at once
    List<GenieMessage> late = new CopyOnWriteArrayList<>();
    handle.addListener(late::add);
    assertEquals(List.of(GenieMessageStatus.COMPLETED),
        late.stream().map(GenieMessage::status).collect(Collectors.toList()));
  }

  @Test
  void askAsyncCompletesWithTheAnswer() throws Exception {
    server.enqueue(ok(started("msg-1", "SUBMITTED")));
    server.enqueue(ok(message("msg-1", "COMPLETED", ATTACHMENTS)));
    server.enqueue(ok(message("msg-2", "SUBMITTED")));
    server.enqueue(ok(message("msg-2", "FAILED")));

    CompletableFuture<GenieAnswer> first = genie.askAsync("space-1", "Deals?");
    assertEquals("msg-1", Futures.join(first, Duration.ofSeconds(5)).messageId());
    CompletableFuture<GenieAnswer> second = genie.askAsync("space-1", "conv-1", "And?");
    assertThrows(GenieFailedException.class, () -> Futures.join(second, Duration.ofSeconds(5)));

    expectJsonPost(server, SPACE + "/start-conversation", "{'content':'Deals?'}");
    expectGet(server, messagePath("msg-1"));
    expectJsonPost(server, CONVERSATION + "/messages", "{'content':'And?'}");
    expectGet(server, messagePath("msg-2"));
  }

  @Test
  void startWithoutTheMessageInTheResponsePollsByIds() throws Exception {
    server.enqueue(ok("{'conversation_id':'conv-1','message_id':'msg-1'}"));
    server.enqueue(ok(message("msg-1", "COMPLETED")));

    GenieMessageHandle handle = genie.startConversation("space-1", "Deals?");
    assertEquals("msg-1", handle.id());
    assertEquals("conv-1", handle.conversationId());
    assertEquals(GenieMessageStatus.COMPLETED, handle.await().status());

    expectJsonPost(server, SPACE + "/start-conversation", "{'content':'Deals?'}");
    expectGet(server, messagePath("msg-1"));
  }

  @Test
  void aStartResponseWithoutIdsIsAClearError() throws Exception {
    server.enqueue(ok("{}"));

    DatabricksClientException e = assertThrows(DatabricksClientException.class,
        () -> genie.startConversation("space-1", "Deals?"));

    assertTrue(e.getMessage().contains("message_id"), e.getMessage());
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void getMessageReadsTheDeprecatedId() throws Exception {
    server.enqueue(ok("{'id':'msg-9','conversation_id':'conv-1','space_id':'space-1','status':'EXECUTING_QUERY'}"));

    GenieMessage m = genie.getMessage("space-1", "conv-1", "msg-9");

    assertEquals("msg-9", m.messageId());
    assertEquals(GenieMessageStatus.EXECUTING_QUERY, m.status());
    expectGet(server, messagePath("msg-9"));
  }

  @Test
  void aHandleOnAKnownMessageWaitsForIt() throws Exception {
    server.enqueue(ok("{'id':'msg-9','conversation_id':'conv-1','status':'EXECUTING_QUERY'}"));
    server.enqueue(ok("{'id':'msg-9','conversation_id':'conv-1','status':'COMPLETED'}"));

    GenieMessageHandle handle = genie.handle("space-1", genie.getMessage("space-1", "conv-1", "msg-9"));
    GenieAnswer a = handle.await();

    assertEquals("msg-9", a.messageId());
    assertEquals("space-1", a.spaceId());
    expectGet(server, messagePath("msg-9"));
    expectGet(server, messagePath("msg-9"));
  }

  @Test
  void pollAsksOnceAndRecordsTheStatus() throws Exception {
    FakeSleeper manual = FakeSleeper.holding();
    try (DatabricksClient slow = TestClients.forUrl(server.url("/").toString(), manual)) {
      server.enqueue(ok(started("msg-1", "SUBMITTED")));
      server.enqueue(ok(message("msg-1", "COMPLETED")));
      GenieMessageHandle handle = GenieClient.create(slow).startConversation("space-1", "Deals?");
      assertEquals(GenieMessageStatus.SUBMITTED, handle.status());

      GenieMessage now = handle.poll();

      assertEquals(GenieMessageStatus.COMPLETED, now.status());
      assertTrue(handle.isDone());
      assertEquals(GenieMessageStatus.COMPLETED, handle.await().status());
      manual.releaseAll();
      assertEquals(2, server.getRequestCount(), "the scheduled poll is not sent once the handle is done");
    }
  }

  @Test
  void cancellingTheFutureStopsPollingLocallyAndSendsNothing() throws Exception {
    FakeSleeper manual = FakeSleeper.holding();
    try (DatabricksClient slow = TestClients.forUrl(server.url("/").toString(), manual)) {
      server.enqueue(ok(started("msg-1", "SUBMITTED")));
      GenieMessageHandle handle = GenieClient.create(slow).startConversation("space-1", "Deals?");
      manual.awaitSleeps(1);

      assertTrue(handle.resultAsync().cancel(true));
      manual.releaseAll();

      assertTrue(handle.isDone());
      assertThrows(UnsupportedOperationException.class, handle::cancel); // Genie cannot cancel a message
      assertInstanceOf(UnsupportedOperationException.class,
          assertThrows(Exception.class, handle.cancelAsync()::join).getCause());
      assertEquals(1, server.getRequestCount(), "no poll and no cancel call after cancelling");
    }
  }

  @Test
  void blankQuestionsAndIdsAreRejectedBeforeSending() {
    assertThrows(InvalidRequestException.class, () -> genie.ask("space-1", "  "));
    assertThrows(InvalidRequestException.class, () -> genie.ask("", "Deals?"));
    assertThrows(InvalidRequestException.class, () -> genie.createMessage("space-1", null, "Deals?"));
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void serviceErrorsKeepTheirType() throws Exception {
    server.enqueue(Wire.error(404, "{'error_code':'RESOURCE_DOES_NOT_EXIST','message':'Space space-x does not exist'}"));

    ResourceDoesNotExistException e = assertThrows(ResourceDoesNotExistException.class,
        () -> genie.ask("space-x", "Deals?"));

    assertTrue(e.getMessage().contains("space-x"), e.getMessage());
    expectJsonPost(server, "/api/2.0/genie/spaces/space-x/start-conversation", "{'content':'Deals?'}");
    assertEquals(1, server.getRequestCount(), "a start-conversation POST is never re-sent");
  }

  @Test
  void idsArePercentEncodedInPaths() throws Exception {
    server.enqueue(ok("{'message_id':'m 1','conversation_id':'c/1','status':'COMPLETED'}"));

    genie.getMessage("s 1", "c/1", "m 1");

    expectGet(server, "/api/2.0/genie/spaces/s%201/conversations/c%2F1/messages/m%201");
  }

  @Test
  void toStringsNameIdsButNoCredentials() throws Exception {
    server.enqueue(ok(started("msg-1", "COMPLETED")));
    GenieMessageHandle handle = genie.startConversation("space-1", "Deals?");
    assertEquals("GenieMessageHandle[space space-1, conversation conv-1, message msg-1, COMPLETED]", handle.toString());
    assertFalse(genie.toString().contains(dev.kiln.core.testing.TestClients.TOKEN));
  }
}
