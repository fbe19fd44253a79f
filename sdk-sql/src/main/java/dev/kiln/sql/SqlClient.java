package dev.kiln.sql;

import dev.kiln.core.ApiRequest;
import dev.kiln.core.DatabricksClient;
import dev.kiln.core.Futures;
import dev.kiln.core.Page;
import dev.kiln.core.PagedIterable;
import dev.kiln.core.error.InvalidRequestException;
import dev.kiln.sql.internal.QueryListPage;
import dev.kiln.sql.internal.StatementApi;
import dev.kiln.sql.model.Query;
import dev.kiln.sql.model.StatementRequest;
import dev.kiln.sql.model.StatementResponse;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * SQL Statement Execution and the Queries API over one {@link DatabricksClient}. Thread-safe and
 * cheap; it owns no threads or connections of its own (those belong to the client).
 *
 * <pre>{@code
 * SqlClient sql = SqlClient.create(db);
 * try (StatementResult result = sql.execute(warehouseId, "SELECT 1 AS one")) {
 *   for (Row row : result.rows()) { row.getInt("one"); }
 * }
 * }</pre>
 */
public final class SqlClient {
  static final String QUERIES = "/api/2.0/sql/queries";
  /** The Queries API's largest page. */
  static final int MAX_PAGE_SIZE = 100;

  private final DatabricksClient db;
  private final SqlOptions options;
  private final StatementApi api;

  private SqlClient(DatabricksClient db, SqlOptions options) {
    this.db = Objects.requireNonNull(db, "db");
    this.options = Objects.requireNonNull(options, "options");
    this.api = new StatementApi(db);
  }

  public static SqlClient create(DatabricksClient db) {
    return new SqlClient(db, SqlOptions.defaults());
  }

  public static SqlClient create(DatabricksClient db, SqlOptions options) {
    return new SqlClient(db, options);
  }

  public SqlOptions options() {
    return options;
  }

  /**
   * Submits a statement and returns once the server answered, which takes up to the request's
   * wait timeout (10 s by default): a statement that finishes in that time is already done.
   */
  public StatementHandle submit(StatementRequest request) {
    return Futures.join(submitAsync(request));
  }

  /**
   * Submits without blocking. Cancelling the returned future aborts the submit call, or cancels
   * the statement on the server if it was already accepted.
   */
  public CompletableFuture<StatementHandle> submitAsync(StatementRequest request) {
    Objects.requireNonNull(request, "request");
    CompletableFuture<StatementResponse> submitted = api.submitAsync(request);
    CompletableFuture<StatementHandle> handle = new CompletableFuture<>();
    submitted.whenComplete((response, error) -> {
      if (error != null) {
        handle.completeExceptionally(Futures.unwrap(error));
        return;
      }
      StatementHandle h = handle(response);
      if (!handle.complete(h)) {
        h.resultAsync().cancel(true); // nobody will own this handle: stop polling, cancel remotely
      }
    });
    handle.whenComplete((h, e) -> {
      if (handle.isCancelled()) {
        submitted.cancel(true);
      }
    });
    return handle;
  }

  /** Submits and waits for the result, however long the statement runs. */
  public StatementResult execute(StatementRequest request) {
    return Futures.join(executeAsync(request));
  }

  /** Runs {@code sql} on the warehouse with the server's defaults (INLINE, JSON_ARRAY). */
  public StatementResult execute(String warehouseId, String sql) {
    return execute(simpleRequest(warehouseId, sql));
  }

  /**
   * Submits and completes with the result. Cancelling the returned future cancels the statement on
   * the server (or aborts the submit call if it is still in flight).
   */
  public CompletableFuture<StatementResult> executeAsync(StatementRequest request) {
    CompletableFuture<StatementHandle> submitted = submitAsync(request);
    CompletableFuture<StatementResult> result = new CompletableFuture<>();
    submitted.whenComplete((handle, error) -> {
      if (error != null) {
        result.completeExceptionally(Futures.unwrap(error));
        return;
      }
      CompletableFuture<StatementResult> polled = handle.resultAsync();
      polled.whenComplete((r, e) -> {
        if (e != null) {
          result.completeExceptionally(Futures.unwrap(e));
        } else {
          result.complete(r);
        }
      });
      // Registered after the handle exists, so a cancel that raced the submit still reaches it.
      result.whenComplete((r, e) -> {
        if (result.isCancelled()) {
          polled.cancel(true);
        }
      });
    });
    result.whenComplete((r, e) -> {
      if (result.isCancelled()) {
        submitted.cancel(true);
      }
    });
    return result;
  }

  public CompletableFuture<StatementResult> executeAsync(String warehouseId, String sql) {
    return executeAsync(simpleRequest(warehouseId, sql));
  }

  /**
   * A handle for a statement already known from a response (e.g. Genie's
   * {@code statement_response}): done at once if the response is terminal, else polled.
   */
  public StatementHandle handle(StatementResponse response) {
    Objects.requireNonNull(response, "response");
    return new StatementHandle(api, options, response.statementId(), response);
  }

  /** A handle for a statement by id; its state is fetched by polling. */
  public StatementHandle handle(String statementId) {
    if (statementId == null || statementId.isBlank()) {
      throw new InvalidRequestException("statementId is blank: pass the id returned when the statement was submitted");
    }
    return new StatementHandle(api, options, statementId, null);
  }

  /** Saved queries, fetched 100 per page as the iteration goes. */
  public PagedIterable<Query> listQueries() {
    return listQueries(MAX_PAGE_SIZE);
  }

  /** Saved queries, {@code pageSize} (1–100) per request. */
  public PagedIterable<Query> listQueries(int pageSize) {
    if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
      throw new InvalidRequestException("pageSize must be 1 to 100, was " + pageSize);
    }
    return PagedIterable.of(token -> {
      QueryListPage page = db.call(ApiRequest.get(QUERIES)
          .query("page_size", pageSize)
          .query("page_token", token)
          .build(), QueryListPage.class);
      return Page.of(page.results(), page.nextPageToken());
    });
  }

  public Query getQuery(String queryId) {
    return Futures.join(getQueryAsync(queryId));
  }

  public CompletableFuture<Query> getQueryAsync(String queryId) {
    return db.callAsync(ApiRequest.get(QUERIES + "/" + ApiRequest.segment(queryId)).build(), Query.class);
  }

  @Override
  public String toString() {
    return "SqlClient[" + db + "]";
  }

  private static StatementRequest simpleRequest(String warehouseId, String sql) {
    if (warehouseId == null || sql == null) {
      throw new InvalidRequestException("warehouseId and sql must not be null");
    }
    return StatementRequest.builder().warehouseId(warehouseId).statement(sql).build();
  }
}
