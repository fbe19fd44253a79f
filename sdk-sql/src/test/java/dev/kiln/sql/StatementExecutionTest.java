package dev.kiln.sql;

import static dev.kiln.core.testing.Wire.expect;
import static dev.kiln.core.testing.Wire.expectJsonPost;
import static dev.kiln.core.testing.Wire.json;
import static dev.kiln.core.testing.Wire.ok;
import static dev.kiln.sql.SqlTestBase.apiError;
import static dev.kiln.sql.SqlTestBase.assertNoBody;
import static dev.kiln.sql.SqlTestBase.statement;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.core.Json;
import dev.kiln.core.error.InternalErrorException;
import dev.kiln.core.error.InvalidParameterValueException;
import dev.kiln.core.error.OperationTimeoutException;
import dev.kiln.core.testing.Wire;
import dev.kiln.core.testing.TestClients;
import dev.kiln.sql.model.StatementParameter;
import dev.kiln.sql.model.StatementRequest;
import dev.kiln.sql.model.StatementResponse;
import dev.kiln.sql.model.StatementState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

class StatementExecutionTest extends SqlTestBase {
  static final String ONE_ROW = "'manifest':{'format':'JSON_ARRAY','schema':{'column_count':1,'columns':"
      + "[{'name':'one','position':0,'type_name':'INT','type_text':'INT'}]},'total_chunk_count':1,"
      + "'total_row_count':1,'truncated':false,'chunks':[{'chunk_index':0,'row_offset':0,'row_count':1}]},"
      + "'result':{'chunk_index':0,'row_offset':0,'row_count':1,'data_array':[['1']]}";

  @Test
  void fastStatementCompletesInOneRoundTrip() throws Exception {
    server.enqueue(ok(statement("s1", "SUCCEEDED", ONE_ROW)));

    try (StatementResult result = sql.execute("wh-1", "SELECT 1 AS one")) {
      assertEquals(List.of(1), intsOf(result, "one"));
      assertEquals("s1", result.statementId());
      assertEquals(1, result.totalRowCount());
    }

    expectJsonPost(server, "/api/2.0/sql/statements/",
        "{'statement':'SELECT 1 AS one','warehouse_id':'wh-1'}");
    assertEquals(1, server.getRequestCount());
    assertEquals(List.of(), sleeper.sleeps(), "no poll when the submit already saw the end");
  }

  @Test
  void pollsUntilSucceededWithGrowingDelays() throws Exception {
    server.enqueue(ok(statement("s2", "PENDING", "")));
    server.enqueue(ok(statement("s2", "RUNNING", "")));
    server.enqueue(ok(statement("s2", "RUNNING", "")));
    server.enqueue(ok(statement("s2", "SUCCEEDED", ONE_ROW)));

    sleeper.hold(); // no poll before the listener is in, so it sees PENDING however slow this thread is
    StatementHandle handle = sql.submit(StatementRequest.builder().warehouseId("wh-1").statement("SELECT 1 AS one")
        .waitTimeout(Duration.ZERO).build());
    List<StatementState> seen = new CopyOnWriteArrayList<>();
    handle.addListener(r -> seen.add(r.state()));
    sleeper.stopHolding();
    try (StatementResult result = handle.resultAsync().get(5, TimeUnit.SECONDS)) {
      assertEquals(List.of(1), intsOf(result, "one"));
    }

    assertEquals("s2", handle.id());
    assertEquals(StatementState.SUCCEEDED, handle.status());
    assertEquals("SUCCEEDED", handle.rawStatus().orElseThrow());
    assertTrue(handle.isDone());
    expectJsonPost(server, "/api/2.0/sql/statements/",
        "{'statement':'SELECT 1 AS one','warehouse_id':'wh-1','wait_timeout':'0s'}");
    for (int i = 0; i < 3; i++) {
      Wire.expectGet(server, "/api/2.0/sql/statements/s2");
    }
    assertEquals(List.of(StatementState.PENDING, StatementState.RUNNING, StatementState.SUCCEEDED), seen);
    // The defaults: 500 ms, then each gap 1.15 times the last.
    assertEquals(List.of(Duration.ofMillis(500), Duration.ofMillis(575), Duration.ofMillis(661)), sleeper.sleeps());
  }

  @Test
  void pollDelayIsCappedFarBelowTheKeepAlive() throws Exception {
    for (int i = 0; i < 30; i++) {
      server.enqueue(ok(statement("s3", "RUNNING", "")));
    }
    server.enqueue(ok(statement("s3", "SUCCEEDED", ONE_ROW)));

    try (StatementResult result = sql.execute(StatementRequest.builder().warehouseId("wh").statement("SELECT 1 AS one")
        .waitTimeout(Duration.ofSeconds(5)).build())) {
      assertEquals(1, result.totalRowCount());
    }
    Duration longest = sleeper.sleeps().stream().max(Duration::compareTo).orElseThrow();
    assertEquals(SqlOptions.defaults().pollMaxDelay(), longest);
    assertTrue(longest.compareTo(Duration.ofSeconds(10)) <= 0);
  }

  @Test
  void failedStatementCarriesErrorCodeMessageAndSqlState() {
    server.enqueue(ok(statement("s4", "FAILED", "").replace("'FAILED'}",
        "'FAILED','error':{'error_code':'BAD_REQUEST','message':'[TABLE_OR_VIEW_NOT_FOUND] gold.bir'},'sql_state':'42P01'}")));

    StatementFailedException e = assertThrows(StatementFailedException.class,
        () -> sql.execute("wh", "SELECT * FROM gold.bir"));

    assertEquals("s4", e.statementId());
    assertEquals("BAD_REQUEST", e.errorCode().orElseThrow());
    assertEquals("[TABLE_OR_VIEW_NOT_FOUND] gold.bir", e.serverMessage().orElseThrow());
    assertEquals("42P01", e.sqlState().orElseThrow());
    assertTrue(e.getMessage().contains("42P01") && e.getMessage().contains("BAD_REQUEST"), e.getMessage());
  }

  @Test
  void failureAfterPollingFailsTheFuture() {
    server.enqueue(ok(statement("s5", "RUNNING", "")));
    server.enqueue(ok(json("{'statement_id':'s5','status':{'state':'FAILED','error':{'message':'division by zero'},"
        + "'sql_state':'22012'}}")));

    CompletableFuture<StatementResult> f = sql.executeAsync("wh", "SELECT 1/0");
    ExecutionException e = assertThrows(ExecutionException.class, () -> f.get(5, TimeUnit.SECONDS));
    StatementFailedException failed = (StatementFailedException) e.getCause();
    assertEquals("22012", failed.sqlState().orElseThrow());
    assertFalse(failed.errorCode().isPresent());
  }

  @Test
  void canceledStatementThrowsCanceled() {
    server.enqueue(ok(statement("s6", "CANCELED", "")));

    StatementCanceledException e = assertThrows(StatementCanceledException.class,
        () -> sql.submit(StatementRequest.builder().warehouseId("wh").statement("SELECT 1")
            .onWaitTimeout(dev.kiln.sql.model.OnWaitTimeout.CANCEL).waitTimeout(Duration.ofSeconds(5)).build())
            .await(Duration.ofSeconds(5)));
    assertEquals("s6", e.statementId());
  }

  @Test
  void closedStatementThrowsClosed() {
    server.enqueue(ok(statement("s7", "CLOSED", "")));

    StatementClosedException e = assertThrows(StatementClosedException.class, () -> sql.execute("wh", "SELECT 1"));
    assertEquals("s7", e.statementId());
  }

  @Test
  void cancellingTheFutureSendsCancelAndStopsPolling() throws Exception {
    sleeper.hold(); // the poller waits in its first gap until the test says otherwise
    server.enqueue(ok(statement("s8", "RUNNING", "")));
    server.enqueue(ok("{}"));

    StatementHandle handle = sql.submit(StatementRequest.builder().warehouseId("wh").statement("SELECT sleep(60)")
        .waitTimeout(Duration.ZERO).build());
    sleeper.awaitSleeps(1);
    CompletableFuture<StatementResult> result = handle.resultAsync();
    assertTrue(result.cancel(true));

    Wire.expect(server, "POST", "/api/2.0/sql/statements/");
    assertNoBody(Wire.expect(server, "POST", "/api/2.0/sql/statements/s8/cancel"));
    sleeper.releaseAll(); // the gap was cancelled with the future: ending it now starts no poll
    assertEquals(1, sleeper.sleeps().size(), "no further poll was scheduled");
    assertEquals(2, server.getRequestCount(), "submit and cancel, no poll");
    assertThrows(CancellationException.class, result::join);
  }

  @Test
  void cancellingExecuteAsyncCancelsTheStatement() throws Exception {
    sleeper.hold();
    server.enqueue(ok(statement("s9", "RUNNING", "")));
    server.enqueue(ok("{}"));

    CompletableFuture<StatementResult> f = sql.executeAsync(StatementRequest.builder().warehouseId("wh")
        .statement("SELECT 1").waitTimeout(Duration.ZERO).build());
    sleeper.awaitSleeps(1); // submitted and waiting for the first poll
    f.cancel(true);

    Wire.expect(server, "POST", "/api/2.0/sql/statements/");
    Wire.expect(server, "POST", "/api/2.0/sql/statements/s9/cancel");
  }

  @Test
  void explicitCancelKeepsPollingUntilCanceled() throws Exception {
    AtomicInteger cancels = new AtomicInteger();
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest r) {
        if (r.getTarget().endsWith("/cancel")) {
          cancels.incrementAndGet();
          return ok("{}");
        }
        return ok(statement("s10", cancels.get() > 0 ? "CANCELED" : "RUNNING", ""));
      }
    });

    StatementHandle handle = sql.submit(StatementRequest.builder().warehouseId("wh").statement("SELECT 1")
        .waitTimeout(Duration.ZERO).build());
    handle.cancel();

    assertThrows(StatementCanceledException.class, () -> handle.await(Duration.ofSeconds(5)));
    assertEquals(1, cancels.get());
    assertEquals(StatementState.CANCELED, handle.status());
  }

  @Test
  void awaitTimeoutLeavesTheStatementRunning() throws Exception {
    sleeper.hold();
    server.enqueue(ok(statement("s11", "RUNNING", "")));
    StatementHandle handle = sql.submit(StatementRequest.builder().warehouseId("wh").statement("SELECT 1")
        .waitTimeout(Duration.ZERO).build());

    assertThrows(OperationTimeoutException.class, () -> handle.await(Duration.ZERO));
    assertFalse(handle.isDone());
    assertEquals(StatementState.RUNNING, handle.status());
    assertEquals(1, server.getRequestCount(), "no cancel was sent");
    server.enqueue(ok("{}"));
    handle.resultAsync().cancel(true);
  }

  @Test
  void handleOfTerminalResponseNeedsNoRequest() throws Exception {
    StatementResponse response = Json.mapper().readValue(json(statement("g1", "SUCCEEDED", ONE_ROW)),
        StatementResponse.class);

    StatementHandle handle = sql.handle(response);

    assertTrue(handle.isDone());
    try (StatementResult result = handle.await(Duration.ofSeconds(1))) {
      assertEquals(List.of(1), intsOf(result, "one"));
    }
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void handleOfRunningResponseAndOfIdPoll() throws Exception {
    server.enqueue(ok(statement("g2", "SUCCEEDED", ONE_ROW)));
    server.enqueue(ok(statement("g2", "SUCCEEDED", ONE_ROW)));
    StatementResponse running = Json.mapper().readValue(json(statement("g2", "RUNNING", "")), StatementResponse.class);

    try (StatementResult r1 = sql.handle(running).resultAsync().get(5, TimeUnit.SECONDS);
        StatementResult r2 = sql.handle("g2").await()) {
      assertEquals(1, r1.toList().size());
      assertEquals(1, r2.toList().size());
    }
    Wire.expectGet(server, "/api/2.0/sql/statements/g2");
    Wire.expectGet(server, "/api/2.0/sql/statements/g2");
  }

  @Test
  void submitIsNotRepeatedAfterAServerError() {
    server.enqueue(apiError(500, "INTERNAL_ERROR", "boom"));
    server.enqueue(ok(statement("never", "SUCCEEDED", ONE_ROW)));

    assertThrows(InternalErrorException.class, () -> sql.execute("wh", "INSERT INTO t VALUES (1)"));
    assertEquals(1, server.getRequestCount(), "a POST that may have run is not re-sent");
  }

  @Test
  void serverRejectionIsTyped() {
    server.enqueue(apiError(400, "INVALID_PARAMETER_VALUE", "warehouse wh not found"));

    InvalidParameterValueException e = assertThrows(InvalidParameterValueException.class,
        () -> sql.submit(StatementRequest.builder().warehouseId("wh").statement("SELECT 1")
            .addParameters(StatementParameter.of("x", 1)).build()));
    assertEquals("INVALID_PARAMETER_VALUE", e.errorCode());
  }

  static List<Integer> intsOf(StatementResult result, String column) {
    List<Integer> values = new ArrayList<>();
    for (Row row : result.rows()) {
      values.add(row.getInt(column));
    }
    return values;
  }
}
