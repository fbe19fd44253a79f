package dev.kiln.emulator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * SQL Statement Execution (API 2.0): submit with {@code wait_timeout}/{@code on_wait_timeout} (and {@code
 * query_tags}), poll, cancel, close, fetch chunks; and the sessions the drivers open. Warehouses themselves are
 * {@link WarehousesApi}.
 */
final class SqlApi implements WorkspaceApi {
  private static final String STATEMENTS = "/api/2.0/sql/statements";
  private static final Duration CANCEL_GRACE = Duration.ofSeconds(5);

  private final StatementService statements;
  private final StatementJson json;
  private final Warehouses warehouses;
  private final SqlSessions sessions = new SqlSessions();

  SqlApi(StatementService statements, StatementJson json, Warehouses warehouses) {
    this.statements = statements;
    this.json = json;
    this.warehouses = warehouses;
  }

  @Override
  public void register(Router router) {
    router.postAsync(STATEMENTS, this::execute);
    router.get(STATEMENTS + "/{statement_id}", this::get);
    router.delete(STATEMENTS + "/{statement_id}", this::close);
    // Sessions: undocumented, used by the JDBC, Python and ADBC drivers (two create paths are in use).
    router.post("/api/2.0/sql/sessions", this::openSession);
    router.post("/api/2.0/sql/warehouses/{warehouse_id}/sessions", this::openSession);
    router.delete("/api/2.0/sql/sessions/{session_id}", this::closeSession);
    router.delete("/api/2.0/sql/warehouses/{warehouse_id}/sessions/{session_id}", this::closeSession);
    router.post(STATEMENTS + "/{statement_id}/cancel", this::cancel);
    router.get(STATEMENTS + "/{statement_id}/result/chunks/{chunk_index}", this::chunk);
  }

  private CompletionStage<Response> execute(Request request) {
    StatementRequest parsed = StatementRequest.parse(request.json());
    StatementRequest statementRequest =
        parsed.sessionId() == null ? parsed : parsed.inSession(sessions.get(parsed.sessionId()));
    JsonNode tags = QueryHistory.tagsOf(request.json());
    String warehouseId = statementRequest.warehouseId();
    // As on Databricks, a statement naming a stopped warehouse starts it and waits PENDING meanwhile; the
    // submit answers at once then (no real-time wait for a clock-driven start).
    if (!warehouses.startForStatement(warehouseId)) {
      SqlStatement held = statements.submit(statementRequest, tags, () -> warehouses.isRunning(warehouseId));
      return CompletableFuture.completedFuture(Response.ok(json.response(held)));
    }
    SqlStatement statement = statements.submit(statementRequest, tags, () -> true);
    return statements
        .awaitUpTo(statement, statementRequest.waitTimeout())
        .thenCompose(this::cancelIfStillRunning)
        .thenApply(done -> Response.ok(json.response(done)));
  }

  /** {@code on_wait_timeout: CANCEL} cancels a statement still running when the wait is over. */
  private CompletionStage<SqlStatement> cancelIfStillRunning(SqlStatement statement) {
    StatementRequest request = statement.request();
    if (request.waitTimeout().isZero()
        || request.onWaitTimeout() != StatementRequest.OnWaitTimeout.CANCEL
        || statement.state().isTerminal()) {
      return CompletableFuture.completedFuture(statement);
    }
    statements.cancel(statement);
    return statements.awaitUpTo(statement, CANCEL_GRACE);
  }

  private Response get(Request request) {
    return Response.ok(json.response(statements.get(request.pathParam("statement_id"))));
  }

  private Response close(Request request) {
    statements.close(statements.get(request.pathParam("statement_id")));
    return Response.ok(Json.object());
  }

  private Response openSession(Request request) {
    String warehouseId = request.optionalPathParam("warehouse_id")
        .orElseGet(() -> request.json().path("warehouse_id").asText(""));
    if (warehouseId.isBlank()) {
      throw ApiException.invalidParameter("warehouse_id is required.");
    }
    warehouses.require(warehouseId);
    SqlSessions.Session session = sessions.open(warehouseId, request.json());
    return Response.ok(Json.object().put("session_id", session.id));
  }

  private Response closeSession(Request request) {
    sessions.close(request.pathParam("session_id"));
    return Response.ok(Json.object());
  }

  private Response cancel(Request request) {
    statements.cancel(statements.get(request.pathParam("statement_id")));
    return Response.ok(Json.object());
  }

  private Response chunk(Request request) {
    SqlStatement statement = statements.get(request.pathParam("statement_id"));
    int index;
    try {
      index = Integer.parseInt(request.pathParam("chunk_index"));
    } catch (NumberFormatException e) {
      throw ApiException.invalidParameter("chunk_index must be a number.");
    }
    return Response.ok(json.chunk(statement, index));
  }

}
