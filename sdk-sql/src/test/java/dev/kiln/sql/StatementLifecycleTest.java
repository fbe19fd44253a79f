package dev.kiln.sql;

import static dev.kiln.core.testing.Wire.ok;
import static dev.kiln.sql.SqlTestBase.stallingAfter;
import static dev.kiln.sql.SqlTestBase.statement;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.core.DatabricksClient;
import dev.kiln.core.error.ClientClosedException;
import dev.kiln.core.error.InvalidRequestException;
import dev.kiln.core.error.OperationInterruptedException;
import dev.kiln.core.error.ReadTimeoutException;
import dev.kiln.core.testing.FakeSleeper;
import dev.kiln.core.testing.TestClients;
import dev.kiln.core.testing.Wire;
import dev.kiln.sql.model.StatementRequest;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Work the client started is never stranded: a cancel or interrupt during the submit's wait still
 * learns the statement id and cancels it; closing the client completes every future and cancels
 * the statements still running. The server holds submit answers on a latch the test releases.
 */
class StatementLifecycleTest {
  static final String SUBMIT = "/api/2.0/sql/statements/";

  @StartStop
  final MockWebServer server = new MockWebServer();

  /** Held: statements wait in their first poll gap until released (no poll runs in these tests). */
  final FakeSleeper sleeper = FakeSleeper.holding();
  /** Opened by the test to let held submit answers go out. */
  final CountDownLatch releaseSubmits = new CountDownLatch(1);
  /** Counted down when a held submit reached the server. */
  final CountDownLatch heldSubmitArrived = new CountDownLatch(1);
  final Set<String> cancelled = ConcurrentHashMap.newKeySet();
  final CountDownLatch[] cancelSeen = {new CountDownLatch(1)};
  DatabricksClient db;
  SqlClient sql;

  @BeforeEach
  void setUp() {
    db = TestClients.forUrl(server.url("/").toString(), sleeper);
    sql = SqlClient.create(db);
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest r) throws InterruptedException {
        String target = r.getTarget();
        if (r.getMethod().equals("POST") && target.endsWith("/cancel")) {
          cancelled.add(target.substring(SUBMIT.length(), target.length() - "/cancel".length()));
          cancelSeen[0].countDown();
          return ok("{}");
        }
        if (r.getMethod().equals("POST") && target.equals(SUBMIT)) {
          String body = r.getBody().utf8();
          String id = Wire.bodyTree(r).get("statement").asText().replace("SELECT ", "s-");
          if (body.contains("held")) {
            heldSubmitArrived.countDown();
            releaseSubmits.await(10, TimeUnit.SECONDS);
          }
          return ok(statement(id, body.contains("done") ? "SUCCEEDED" : "RUNNING", ""));
        }
        return Wire.error(404, "{'error_code':'NOT_FOUND','message':'no fixture'}");
      }
    });
  }

  @AfterEach
  void tearDown() {
    releaseSubmits.countDown();
    db.close();
  }

  @Test
  void cancellingExecuteAsyncDuringTheSubmitWaitCancelsTheStatementItNames() throws Exception {
    CompletableFuture<StatementResult> f = sql.executeAsync(request("SELECT held"));
    assertTrue(heldSubmitArrived.await(5, TimeUnit.SECONDS));

    assertTrue(f.cancel(true));
    releaseSubmits.countDown();

    assertTrue(cancelSeen[0].await(5, TimeUnit.SECONDS), "the statement was cancelled on the server");
    assertEquals(Set.of("s-held"), cancelled);
    assertThrows(CancellationException.class, f::join);
  }

  @Test
  void cancellingSubmitAsyncDuringTheSubmitWaitCancelsTheStatementItNames() throws Exception {
    CompletableFuture<StatementHandle> f = sql.submitAsync(request("SELECT held"));
    assertTrue(heldSubmitArrived.await(5, TimeUnit.SECONDS));

    assertTrue(f.cancel(true));
    releaseSubmits.countDown();

    assertTrue(cancelSeen[0].await(5, TimeUnit.SECONDS), "the statement was cancelled on the server");
    assertEquals(Set.of("s-held"), cancelled);
  }

  @Test
  void interruptingExecuteDuringTheSubmitWaitCancelsTheStatementItNames() throws Exception {
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    Thread caller = new Thread(() -> {
      try {
        sql.execute(request("SELECT held"));
      } catch (RuntimeException e) {
        thrown.set(e);
      }
    }, "execute-caller");
    caller.start();
    assertTrue(heldSubmitArrived.await(5, TimeUnit.SECONDS));

    caller.interrupt();
    caller.join(5_000);
    assertInstanceOf(OperationInterruptedException.class, thrown.get());
    releaseSubmits.countDown();

    assertTrue(cancelSeen[0].await(5, TimeUnit.SECONDS), "the statement was cancelled on the server");
    assertEquals(Set.of("s-held"), cancelled);
  }

  @Test
  void closeCompletesEveryFutureAndCancelsTheStatementsItStarted() throws Exception {
    // A submit never answered holds close() for closeCancelTimeout: keep it short here.
    sql = SqlClient.create(db, SqlOptions.builder().closeCancelTimeout(Duration.ofMillis(300)).build());
    cancelSeen[0] = new CountDownLatch(2);
    CompletableFuture<StatementResult> polling = sql.executeAsync(request("SELECT a"));
    StatementHandle handle = sql.submit(request("SELECT b"));
    sleeper.awaitSleeps(2); // both wait for their next poll
    CompletableFuture<StatementResult> submitting = sql.executeAsync(request("SELECT held"));
    assertTrue(heldSubmitArrived.await(5, TimeUnit.SECONDS));

    CompletableFuture<Void> closed = CompletableFuture.runAsync(db::close);
    closed.get(10, TimeUnit.SECONDS);

    for (CompletableFuture<StatementResult> f : List.of(polling, handle.resultAsync(), submitting)) {
      ExecutionException e = assertThrows(ExecutionException.class, () -> f.get(5, TimeUnit.SECONDS));
      assertInstanceOf(ClientClosedException.class, e.getCause());
    }
    assertTrue(cancelSeen[0].await(5, TimeUnit.SECONDS));
    assertEquals(Set.of("s-a", "s-b"), cancelled, "the statements with known ids were cancelled on the server");
  }

  @Test
  void closeWaitsForASubmitInFlightAndCancelsTheStatementItNames() throws Exception {
    CompletableFuture<StatementResult> submitting = sql.executeAsync(request("SELECT held"));
    assertTrue(heldSubmitArrived.await(5, TimeUnit.SECONDS));

    CompletableFuture<Void> closed = CompletableFuture.runAsync(db::close);
    releaseSubmits.countDown(); // the answer arrives while close() waits for it
    closed.get(10, TimeUnit.SECONDS);

    ExecutionException e = assertThrows(ExecutionException.class, () -> submitting.get(5, TimeUnit.SECONDS));
    assertInstanceOf(ClientClosedException.class, e.getCause());
    assertTrue(cancelSeen[0].await(5, TimeUnit.SECONDS));
    assertEquals(Set.of("s-held"), cancelled, "the statement named by the late answer was cancelled");
  }

  @Test
  void aStatementThatEndedIsNotCancelledOnClose() throws Exception {
    CompletableFuture<StatementResult> done = sql.executeAsync(request("SELECT done"));
    done.get(5, TimeUnit.SECONDS).close();
    StatementHandle running = sql.submit(request("SELECT r"));
    sleeper.awaitSleeps(1);

    db.close();

    assertEquals(Set.of("s-r"), cancelled, "only the running statement");
    assertTrue(running.isDone());
  }

  @Test
  void aStatementOnlyLookedAtIsNotCancelledOnCloseButItsFutureEnds() throws Exception {
    StatementHandle other = sql.handle("s-elsewhere");
    sleeper.awaitSleeps(1);

    db.close();

    ExecutionException e = assertThrows(ExecutionException.class, () -> other.resultAsync().get(5, TimeUnit.SECONDS));
    assertInstanceOf(ClientClosedException.class, e.getCause());
    assertEquals(Set.of(), cancelled, "a statement this client did not submit is left running");
  }

  @Test
  void aSubmitAnswerThatStallsAfterItsHeadersEndsWithATypedTimeoutAndIsNotResent() throws Exception {
    CountDownLatch unstall = new CountDownLatch(1);
    String whole = Wire.json(statement("s-stalled", "RUNNING", ""));
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest r) {
        return stallingAfter(10, whole, unstall);
      }
    });
    // The submit's silence bound is its wait (0 s here) plus the margin.
    SqlClient impatient = SqlClient.create(db, SqlOptions.builder().submitTimeoutMargin(Duration.ofMillis(500)).build());
    try {
      CompletableFuture<StatementHandle> f = impatient.submitAsync(StatementRequest.builder().warehouseId("wh")
          .statement("SELECT 1").waitTimeout(Duration.ZERO).build());

      ExecutionException e = assertThrows(ExecutionException.class, () -> f.get(10, TimeUnit.SECONDS));
      assertInstanceOf(ReadTimeoutException.class, e.getCause());
      assertEquals(1, server.getRequestCount(), "a submit that may have run is not sent again");
    } finally {
      unstall.countDown();
    }
  }

  @Test
  void asyncCallsNeverThrowOnBadInput() {
    for (CompletableFuture<?> f : List.of(sql.submitAsync(null), sql.executeAsync(null), sql.executeAsync(null, "SELECT 1"),
        sql.executeAsync("wh", null), sql.executeAsync(" ", "SELECT 1"), sql.getQueryAsync(".."), sql.getQueryAsync(null))) {
      ExecutionException e = assertThrows(ExecutionException.class, () -> f.get(5, TimeUnit.SECONDS));
      assertInstanceOf(InvalidRequestException.class, e.getCause());
    }
    assertEquals("request must not be null",
        assertThrows(InvalidRequestException.class, () -> sql.execute(null)).getMessage());
    assertEquals("warehouseId must not be null",
        assertThrows(InvalidRequestException.class, () -> sql.execute(null, "SELECT 1")).getMessage());
    assertThrows(InvalidRequestException.class, () -> SqlClient.create(null));
    assertThrows(InvalidRequestException.class, () -> SqlClient.create(db, null));
    assertEquals(0, server.getRequestCount());
  }

  private static StatementRequest request(String sql) {
    return StatementRequest.builder().warehouseId("wh").statement(sql).build();
  }
}
