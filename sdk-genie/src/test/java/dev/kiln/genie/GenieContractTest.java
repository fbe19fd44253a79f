package dev.kiln.genie;

import static dev.kiln.core.testing.Wire.expectGet;
import static dev.kiln.core.testing.Wire.expectJsonPost;
import static dev.kiln.core.testing.Wire.ok;
import static dev.kiln.genie.GenieWire.CONVERSATION;
import static dev.kiln.genie.GenieWire.SPACE;
import static dev.kiln.genie.GenieWire.message;
import static dev.kiln.genie.GenieWire.messagePath;
import static dev.kiln.genie.GenieWire.started;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.core.DatabricksClient;
import dev.kiln.core.error.ClientClosedException;
import dev.kiln.core.error.InvalidRequestException;
import dev.kiln.core.error.OperationTimeoutException;
import dev.kiln.core.spi.Futures;
import dev.kiln.core.testing.FakeSleeper;
import dev.kiln.core.testing.TestClients;
import dev.kiln.core.testing.Wire;
import dev.kiln.genie.model.GenieAnswer;
import dev.kiln.genie.model.GenieMessage;
import dev.kiln.genie.model.GenieMessageStatus;
import dev.kiln.genie.model.GenieSpace;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

/** The client contract of issue 12 as Genie follows it: options, async twins, argument checks, timeouts. */
class GenieContractTest extends GenieTestBase {

  private static InvalidRequestException invalid(CompletableFuture<?> f) {
    assertTrue(f.isCompletedExceptionally(), "failed at once");
    Throwable e = assertThrows(Exception.class, f::join);
    return assertInstanceOf(InvalidRequestException.class, Futures.unwrap(e));
  }

  private static void failsNaming(String argument, CompletableFuture<?> f) {
    InvalidRequestException e = invalid(f);
    assertTrue(e.getMessage().contains(argument), argument + ": " + e.getMessage());
  }

  // ---- async never throws

  @Test
  void asyncBadInputFailsTheFutureInsteadOfThrowing() {
    GenieAnswer noQuery = GenieAnswer.of("space-1", GenieMessage.builder()
        .messageId("m").conversationId("c").rawStatus("COMPLETED").build());
    // each call must return (not throw) a failed future whose message names the bad argument
    failsNaming("spaceId", genie.getSpaceAsync(null));
    failsNaming("question", genie.startConversationAsync("space-1", " "));
    failsNaming("listener", genie.startConversationAsync("space-1", "Deals?", null));
    failsNaming("conversationId", genie.createMessageAsync("space-1", null, "Deals?"));
    failsNaming("messageId", genie.getMessageAsync("space-1", "conv-1", ""));
    failsNaming("question", genie.askAsync("space-1", null));
    failsNaming("timeout", genie.askAsync("space-1", "Deals?", Duration.ofSeconds(-1)));
    failsNaming("timeout", genie.askAsync("space-1", "conv-1", "Deals?", null));
    failsNaming("answer", genie.queryResultAsync(null));
    failsNaming("answer", genie.executeQueryAsync(null));
    failsNaming("query attachment", genie.queryResultAsync(noQuery));
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void nullArgumentsAreInvalidRequestsNamingTheArgument() {
    assertEquals("db must not be null",
        assertThrows(InvalidRequestException.class, () -> GenieClient.create(null)).getMessage());
    assertEquals("options must not be null",
        assertThrows(InvalidRequestException.class, () -> GenieClient.create(db, null)).getMessage());
    assertEquals("spaceId must not be null",
        assertThrows(InvalidRequestException.class, () -> genie.getSpace(null)).getMessage());
    assertEquals("spaceId must not be null",
        assertThrows(InvalidRequestException.class, () -> genie.listConversations(null)).getMessage());
    assertEquals("message must not be null",
        assertThrows(InvalidRequestException.class, () -> genie.handle("space-1", null)).getMessage());
    assertEquals("question must not be null",
        assertThrows(InvalidRequestException.class, () -> genie.ask("space-1", null)).getMessage());
    assertEquals("timeout must not be null",
        assertThrows(InvalidRequestException.class, () -> genie.ask("space-1", "Deals?", (Duration) null)).getMessage());
    assertEquals("answer must not be null",
        assertThrows(InvalidRequestException.class, () -> genie.queryResult(null)).getMessage());
    assertEquals(0, server.getRequestCount());
  }

  // ---- paths and lengths

  @Test
  void dotSegmentIdsAreRejectedBeforeSending() {
    for (String dots : List.of(".", "..")) {
      assertTrue(invalid(genie.getSpaceAsync(dots)).getMessage().contains("spaceId"));
      assertTrue(invalid(genie.startConversationAsync(dots, "Deals?")).getMessage().contains("spaceId"));
      assertTrue(invalid(genie.createMessageAsync("space-1", dots, "Deals?")).getMessage().contains("conversationId"));
      assertTrue(invalid(genie.getMessageAsync("space-1", "conv-1", dots)).getMessage().contains("messageId"));
      assertTrue(invalid(genie.askAsync(dots, "conv-1", "Deals?")).getMessage().contains("spaceId"));
      assertThrows(InvalidRequestException.class, () -> genie.listConversations(dots));
      assertThrows(InvalidRequestException.class, () -> genie.getMessage("space-1", dots, "msg-1"));
    }
    assertEquals(0, server.getRequestCount(), "nothing like /spaces/../start-conversation went out");
  }

  @Test
  void overLongIdsAreRejectedBeforeSending() {
    String huge = "s".repeat(1_000_000);
    assertTrue(invalid(genie.getSpaceAsync(huge)).getMessage().contains("spaceId"));
    assertTrue(invalid(genie.getMessageAsync("space-1", "conv-1", huge)).getMessage().contains("messageId"));
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void anOverLongQuestionIsRejectedBeforeSendingAndTheLimitItselfIsSent() throws Exception {
    String tooLong = "q".repeat(GenieClient.MAX_QUESTION_LENGTH + 1);
    InvalidRequestException e = invalid(genie.askAsync("space-1", tooLong));
    assertTrue(e.getMessage().contains("question") && e.getMessage().contains("16384"), e.getMessage());
    assertThrows(InvalidRequestException.class, () -> genie.createMessage("space-1", "conv-1", tooLong));
    assertEquals(0, server.getRequestCount());

    String longest = "q".repeat(GenieClient.MAX_QUESTION_LENGTH);
    server.enqueue(ok(message("msg-1", "SUBMITTED")));
    GenieMessageHandle handle = genie.createMessage("space-1", "conv-1", longest);
    assertEquals("msg-1", handle.id());
    expectJsonPost(server, CONVERSATION + "/messages", "{'content':'" + longest + "'}");
  }

  // ---- async twins on the wire

  @Test
  void getSpaceAsyncOnTheWire() throws Exception {
    server.enqueue(ok("{'space_id':'space-1','title':'Sales'}"));

    GenieSpace space = genie.getSpaceAsync("space-1").get();

    assertEquals(Optional.of("Sales"), space.title());
    expectGet(server, SPACE);
  }

  @Test
  void startConversationAsyncReturnsATypedHandle() throws Exception {
    server.enqueue(ok(started("msg-1", "SUBMITTED")));
    server.enqueue(ok(message("msg-1", "COMPLETED")));

    GenieMessageHandle handle = genie.startConversationAsync("space-1", "Deals?").get();

    assertEquals("msg-1", handle.id());
    assertEquals("conv-1", handle.conversationId());
    assertEquals(GenieMessageStatus.COMPLETED, handle.await().status());
    assertEquals(GenieMessageStatus.COMPLETED, handle.status());
    assertEquals(Optional.of("COMPLETED"), handle.rawStatus());
    expectJsonPost(server, SPACE + "/start-conversation", "{'content':'Deals?'}");
    expectGet(server, messagePath("msg-1"));
  }

  @Test
  void startConversationAsyncWithAListenerSeesEveryStatus() throws Exception {
    server.enqueue(ok(started("msg-1", "SUBMITTED")));
    server.enqueue(ok(message("msg-1", "COMPLETED")));
    List<String> seen = Collections.synchronizedList(new ArrayList<>());

    GenieMessageHandle handle = genie.startConversationAsync("space-1", "Deals?", m -> seen.add(m.rawStatus())).get();
    handle.await();

    assertEquals(List.of("SUBMITTED", "COMPLETED"), seen);
  }

  @Test
  void createMessageAsyncOnTheWire() throws Exception {
    server.enqueue(ok(message("msg-2", "COMPLETED")));

    GenieMessageHandle handle = genie.createMessageAsync("space-1", "conv-1", "And by region?").get();

    assertEquals("msg-2", handle.id());
    assertTrue(handle.isDone(), "a terminal create response needs no poll");
    expectJsonPost(server, CONVERSATION + "/messages", "{'content':'And by region?'}");
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void getMessageAsyncOnTheWire() throws Exception {
    server.enqueue(ok(message("msg-9", "EXECUTING_QUERY")));

    GenieMessage m = genie.getMessageAsync("space-1", "conv-1", "msg-9").get();

    assertEquals(GenieMessageStatus.EXECUTING_QUERY, m.status());
    expectGet(server, messagePath("msg-9"));
  }

  @Test
  void anUnknownStatusIsUnknownButKeptRaw() throws Exception {
    server.enqueue(ok(message("msg-1", "CONSULTING_ORACLE")));
    GenieMessageHandle handle = genie.createMessage("space-1", "conv-1", "Deals?");

    assertEquals(GenieMessageStatus.UNKNOWN, handle.status());
    assertEquals(Optional.of("CONSULTING_ORACLE"), handle.rawStatus());
    assertEquals(GenieMessageStatus.UNKNOWN, GenieMessageStatus.fromWire("CONSULTING_ORACLE"));
    assertEquals(GenieMessageStatus.ASKING_AI, GenieMessageStatus.fromWire("asking_ai"));
  }

  // ---- options

  @Test
  void pollGapsComeFromGenieOptions() throws Exception {
    GenieClient custom = GenieClient.create(db, GenieOptions.builder()
        .pollInitialDelay(Duration.ofSeconds(1))
        .pollMultiplier(2.0)
        .pollMaxDelay(Duration.ofSeconds(3))
        .build());
    server.enqueue(ok(started("msg-1", "SUBMITTED")));
    for (int i = 0; i < 4; i++) {
      server.enqueue(ok(message("msg-1", "ASKING_AI")));
    }
    server.enqueue(ok(message("msg-1", "COMPLETED")));

    custom.ask("space-1", "Deals?");

    assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(3), Duration.ofSeconds(3),
        Duration.ofSeconds(3)), sleeper.sleeps());
  }

  @Test
  void defaultPollGapsStartAtHalfASecondGrowBy15PercentAndStopAtFiveSeconds() {
    GenieOptions d = GenieOptions.defaults();
    assertEquals(Duration.ofMillis(500), d.pollInitialDelay());
    assertEquals(1.15, d.pollMultiplier());
    assertEquals(Duration.ofSeconds(5), d.pollMaxDelay());
    assertEquals(Duration.ofMinutes(10), d.messageTimeout());
    server.setDispatcher(always(started("msg-1", "SUBMITTED"), message("msg-1", "ASKING_AI")));
    GenieClient patient = GenieClient.create(db, d.toBuilder().messageTimeout(Duration.ofSeconds(30)).build());

    assertThrows(OperationTimeoutException.class, () -> patient.ask("space-1", "Deals?"));

    List<Duration> gaps = sleeper.sleeps();
    assertEquals(List.of(500L, 575L, 661L, 760L, 873L, 1003L, 1153L, 1325L, 1523L, 1751L, 2013L, 2314L),
        gaps.subList(0, 12).stream().map(Duration::toMillis).collect(java.util.stream.Collectors.toList()));
    assertTrue(gaps.stream().allMatch(g -> g.toMillis() >= 500 || g.equals(gaps.get(gaps.size() - 1))),
        "never two polls within 500 ms (only the last gap, cut to the deadline, may be shorter): " + gaps);
  }

  /**
   * The poll cadence goal of issue 12 on the fake clock: a message finishing 1 to 6 s after it was
   * accepted is seen at most 0.6 s late in median (with the old 1 s x1.5 gaps: 1.24 s). One message
   * that finishes after 8 s gives the client's real poll instants; the lateness of every finishing
   * time from 1 to 6 s (100 ms steps) is read off them.
   */
  @Test
  void aMessageFinishingWithinSixSecondsIsSeenAboutHalfASecondLateInMedian() {
    Instant accepted = sleeper.clock().instant();
    List<Long> polledAt = Collections.synchronizedList(new ArrayList<>());
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest r) {
        if ("POST".equals(r.getMethod())) {
          return ok(started("msg-1", "SUBMITTED"));
        }
        long at = Duration.between(accepted, sleeper.clock().instant()).toMillis();
        polledAt.add(at);
        return ok(message("msg-1", at >= 8000 ? "COMPLETED" : "ASKING_AI"));
      }
    });
    genie.ask("space-1", "Deals?");

    List<Long> lateness = new ArrayList<>();
    for (long finished = 1000; finished <= 6000; finished += 100) {
      long f = finished;
      lateness.add(polledAt.stream().filter(t -> t >= f).findFirst().orElseThrow() - f);
    }
    Collections.sort(lateness);
    long median = lateness.get(lateness.size() / 2);
    assertTrue(median <= 600, "median lateness " + median + " ms; polls at " + polledAt);
    for (int i = 1; i < polledAt.size(); i++) {
      assertTrue(polledAt.get(i) - polledAt.get(i - 1) >= 500, "at most two polls a second: " + polledAt);
    }
  }

  @Test
  void optionsAreValidatedNamingTheKnob() {
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> GenieOptions.builder().pollInitialDelay(Duration.ofMillis(100))).getMessage().contains("pollInitialDelay"));
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> GenieOptions.builder().pollMaxDelay(Duration.ofSeconds(11))).getMessage().contains("pollMaxDelay"));
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> GenieOptions.builder().pollMultiplier(0.5)).getMessage().contains("pollMultiplier"));
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> GenieOptions.builder().pollMultiplier(Double.NaN)).getMessage().contains("pollMultiplier"));
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> GenieOptions.builder().messageTimeout(Duration.ofSeconds(-1))).getMessage().contains("messageTimeout"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> GenieOptions.builder()
        .pollInitialDelay(Duration.ofSeconds(6)).build()).getMessage().contains("pollMaxDelay"));
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> GenieOptions.builder().sqlOptions(null)).getMessage().contains("sqlOptions"));
    GenieOptions o = GenieOptions.builder().messageTimeout(Duration.ofMinutes(2)).build();
    assertEquals(o.toString(), o.toBuilder().build().toString());
    assertEquals(Duration.ofMinutes(2), GenieClient.create(db, o).options().messageTimeout());
  }

  // ---- timeouts

  @Test
  void awaitWithATimeoutLeavesTheMessageRunning() throws Exception {
    FakeSleeper held = FakeSleeper.holding();
    try (DatabricksClient slow = TestClients.forUrl(server.url("/").toString(), held)) {
      server.enqueue(ok(started("msg-1", "SUBMITTED")));
      server.enqueue(ok(message("msg-1", "COMPLETED")));
      GenieMessageHandle handle = GenieClient.create(slow).startConversation("space-1", "Deals?");
      held.awaitSleeps(1);

      assertThrows(OperationTimeoutException.class, () -> handle.await(Duration.ZERO));

      assertFalse(handle.isDone(), "the handle still waits");
      held.releaseAll(); // the poll that was due
      assertEquals(GenieMessageStatus.COMPLETED, handle.await(Duration.ofSeconds(5)).status());
      assertEquals(2, server.getRequestCount());
    }
  }

  @Test
  void askWithATimeoutEndsTheWaitAndPollsNoMore() throws Exception {
    server.setDispatcher(always(started("msg-1", "SUBMITTED"), message("msg-1", "ASKING_AI")));

    OperationTimeoutException e = assertThrows(OperationTimeoutException.class,
        () -> genie.ask("space-1", "Deals?", Duration.ofSeconds(2)));

    assertTrue(e.getMessage().contains("msg-1"), e.getMessage());
    // 0.5 + 0.575 + 0.661 = 1.736 s, then the gap is cut to the deadline
    assertEquals(List.of(500L, 575L, 661L, 264L),
        sleeper.sleeps().stream().map(Duration::toMillis).collect(java.util.stream.Collectors.toList()));
    int sent = server.getRequestCount();
    assertEquals(1 + 4, sent);
    Wire.take(server); // the start POST
    for (int i = 0; i < 4; i++) {
      expectGet(server, messagePath("msg-1")); // polls only: Genie has no cancel call
    }
  }

  @Test
  void askAsyncWithATimeoutFailsTheFuture() throws Exception {
    server.setDispatcher(always(message("msg-2", "SUBMITTED"), message("msg-2", "ASKING_AI")));

    CompletableFuture<GenieAnswer> f = genie.askAsync("space-1", "conv-1", "And?", Duration.ofSeconds(1));

    Throwable e = assertThrows(Exception.class, () -> f.get(5, java.util.concurrent.TimeUnit.SECONDS));
    assertInstanceOf(OperationTimeoutException.class, Futures.unwrap(e));
    assertEquals(Duration.ofSeconds(1), sleeper.sleeps().stream().reduce(Duration.ZERO, Duration::plus));
  }

  @Test
  void closingTheClientEndsAWaitingHandle() throws Exception {
    FakeSleeper held = FakeSleeper.holding();
    DatabricksClient slow = TestClients.forUrl(server.url("/").toString(), held);
    server.enqueue(ok(started("msg-1", "SUBMITTED")));
    GenieMessageHandle handle = GenieClient.create(slow).startConversation("space-1", "Deals?");
    held.awaitSleeps(1);

    slow.close();

    Throwable e = assertThrows(Exception.class, () -> handle.resultAsync().get(5, java.util.concurrent.TimeUnit.SECONDS));
    assertInstanceOf(ClientClosedException.class, Futures.unwrap(e));
  }

  private static Dispatcher always(String postAnswer, String getAnswer) {
    return new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest r) {
        return ok("POST".equals(r.getMethod()) ? postAnswer : getAnswer);
      }
    };
  }
}
