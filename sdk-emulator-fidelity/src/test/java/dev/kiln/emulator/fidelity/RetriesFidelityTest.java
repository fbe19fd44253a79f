package dev.kiln.emulator.fidelity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.core.error.platform.InternalError;
import com.databricks.sdk.service.sql.ExecuteStatementRequest;
import com.databricks.sdk.service.sql.StatementResponse;
import com.databricks.sdk.service.sql.StatementState;
import dev.kiln.emulator.Fault;
import dev.kiln.emulator.LocalWorkspace;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The emulator's injected faults as the official SDK sees them. Besides checking that the fault replies are
 * well-formed Databricks errors, this pins down the official SDK's retry rules (PROTOCOL.md "Retry"): 429 and
 * 503 are retried on every route after {@code Retry-After}; a 500 is never retried. SDK 0.69.0 does list statement
 * GETs as idempotent (RequestBasedRetryStrategyPicker), but matches that list against {@code host + path} while
 * ApiClient hands it the request before the host is prepended, so the idempotent strategy never applies.
 */
class RetriesFidelityTest {
  static LocalWorkspace ws;
  static OfficialSdk.Recorder recorder;
  static WorkspaceClient w;

  @BeforeAll
  static void start() {
    ws = LocalWorkspace.start();
    recorder = new OfficialSdk.Recorder();
    w = OfficialSdk.client(ws, recorder);
    w.clusters().get(ws.defaultClusterId()); // the SDK's one-off discovery call happens here
  }

  @AfterAll
  static void stop() {
    ws.close();
  }

  @BeforeEach
  @AfterEach
  void reset() {
    ws.faults().clear();
    recorder.clear();
  }

  @Test
  void tooManyRequestsOnAPostIsRetriedAfterRetryAfter() {
    ws.faults().inject(Fault.tooManyRequests(Duration.ZERO).on("POST", "/api/2.0/sql/statements").times(2));

    StatementResponse r = w.statementExecution().executeStatement(new ExecuteStatementRequest()
        .setWarehouseId(ws.defaultWarehouseId()).setStatement("SELECT 42").setWaitTimeout("10s"));

    assertEquals(StatementState.SUCCEEDED, r.getStatus().getState());
    assertEquals(List.of("POST /api/2.0/sql/statements -> 429", "POST /api/2.0/sql/statements -> 429",
        "POST /api/2.0/sql/statements -> 200"), recorder.exchanges());
  }

  @Test
  void unavailableIsRetried() {
    ws.faults().inject(Fault.unavailable(Duration.ZERO).on("GET", "/api/2.1/clusters/get").times(1));

    assertEquals(ws.defaultClusterId(), w.clusters().get(ws.defaultClusterId()).getClusterId());

    assertEquals(List.of("GET /api/2.1/clusters/get -> 503", "GET /api/2.1/clusters/get -> 200"), recorder.exchanges());
  }

  @Test
  void anInternalErrorOnANonIdempotentRouteIsNotRetried() {
    ws.faults().inject(Fault.internalError().on("GET", "/api/2.1/clusters/get").times(1));

    InternalError e = assertThrows(InternalError.class, () -> w.clusters().get(ws.defaultClusterId()));

    assertEquals(500, e.getStatusCode());
    assertEquals("INTERNAL_ERROR", e.getErrorCode());
    assertEquals(List.of("GET /api/2.1/clusters/get -> 500"), recorder.exchanges());
  }

  @Test
  void anInternalErrorOnAStatementGetIsNotRetriedEither() {
    StatementResponse r = w.statementExecution().executeStatement(new ExecuteStatementRequest()
        .setWarehouseId(ws.defaultWarehouseId()).setStatement("SELECT 1").setWaitTimeout("10s"));
    recorder.clear();
    ws.faults().inject(Fault.internalError().on("GET", "/api/2.0/sql/statements/").times(1));

    assertThrows(InternalError.class, () -> w.statementExecution().getStatement(r.getStatementId()));

    assertEquals(List.of("GET /api/2.0/sql/statements/" + r.getStatementId() + " -> 500"), recorder.exchanges());
    assertEquals(StatementState.SUCCEEDED, w.statementExecution().getStatement(r.getStatementId()).getStatus().getState());
  }
}
