package dev.kiln.sql;

import dev.kiln.core.ApiRequest;
import dev.kiln.core.DatabricksClient;
import dev.kiln.core.Page;
import dev.kiln.core.PagedIterable;
import dev.kiln.core.spi.Args;
import dev.kiln.core.spi.Calls;
import dev.kiln.core.spi.Futures;
import dev.kiln.sql.internal.QueryListPage;
import dev.kiln.sql.internal.StatementApi;
import dev.kiln.sql.internal.WarehouseWire;
import dev.kiln.sql.model.QueryHistoryFilter;
import dev.kiln.sql.model.QueryInfo;
import dev.kiln.sql.model.Query;
import dev.kiln.sql.model.StatementRequest;
import dev.kiln.sql.model.StatementResponse;
import java.util.concurrent.CompletableFuture;

/**
 * SQL Statement Execution and the Queries API over one {@link DatabricksClient}. Thread-safe and
 * cheap; it owns no threads or connections of its own (those belong to the client).
 *
 * <p>Every remote call has a blocking form and an {@code ...Async} twin. The async forms never
 * throw: bad input fails the returned future with {@code InvalidRequestException}. The blocking
 * forms throw the same typed exceptions, unwrapped.
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
  static final String QUERY = "/api/2.0/sql/queries/{id}";
  static final String HISTORY = "/api/2.0/sql/history/queries";
  /** The Queries API's largest page. */
  static final int MAX_PAGE_SIZE = 100;

  private final DatabricksClient db;
  private final SqlOptions options;
  private final StatementApi api;
  private final RunningStatements running;
  private final WarehousesClient warehouses;

  private SqlClient(DatabricksClient db, SqlOptions options) {
    this.db = db;
    this.options = options;
    this.api = new StatementApi(db, options.submitTimeoutMargin());
    this.running = new RunningStatements(api, options.closeCancelTimeout());
    this.warehouses = WarehousesClient.create(db, options);
  }

  /** A client with {@link SqlOptions#defaults()}. */
  public static SqlClient create(DatabricksClient db) {
    return create(db, SqlOptions.defaults());
  }

  /**
   * A client for the statements, saved queries and query history of {@code db}'s workspace, sharing
   * its HTTP client, authentication and retries. Closing {@code db} cancels the statements this
   * client submitted that still run.
   *
   * @param db the workspace client
   * @param options downloads, polling and warehouse waiting
   * @return the new client
   * @throws dev.kiln.core.error.InvalidRequestException if {@code db} or {@code options} is null
   */
  public static SqlClient create(DatabricksClient db, SqlOptions options) {
    return new SqlClient(Args.notNull(db, "db"), Args.notNull(options, "options"));
  }

  /** The options this client was created with. */
  public SqlOptions options() {
    return options;
  }

  /** The SQL warehouses these statements run on (list, start, stop, wait for RUNNING). */
  public WarehousesClient warehouses() {
    return warehouses;
  }

  /**
   * Submits a statement and returns once the server answered, which takes up to the request's
   * wait timeout (10 s by default): a statement that finishes in that time is already done. An
   * interrupt while waiting lets the answer arrive and then cancels the statement it names.
   */
  public StatementHandle submit(StatementRequest request) {
    return Calls.join(submitAsync(request));
  }

  /**
   * Submits without blocking. Cancelling the returned future does not abort the submit call, whose
   * answer is the only place the statement id can be learned: once it arrives, the statement is
   * cancelled on the server (unless it already finished). With
   * {@link SqlOptions#awaitWarehouseRunning()} the warehouse is first brought to RUNNING (cancelling
   * the future during that wait sends nothing more).
   */
  public CompletableFuture<StatementHandle> submitAsync(StatementRequest request) {
    return Calls.async(() -> {
      Args.notNull(request, "request");
      if (options.awaitWarehouseRunning()) {
        return Futures.compose(warehouses.ensureRunningAsync(request.warehouseId()), w -> submitNowAsync(request));
      }
      return submitNowAsync(request);
    });
  }

  private CompletableFuture<StatementHandle> submitNowAsync(StatementRequest request) {
    return Calls.async(() -> {
      // Registered before anything is sent, so a closing client either refuses the submit here or
      // waits for its answer and cancels the statement it names.
      CompletableFuture<StatementResponse> answer = new CompletableFuture<>();
      running.addSubmit(answer);
      api.submitAsync(request).whenComplete((r, e) -> {
        if (e != null) {
          answer.completeExceptionally(e);
        } else {
          answer.complete(r);
        }
      });
      CompletableFuture<StatementHandle> started = answer
          .thenApply(response -> new StatementHandle(api, options, response.statementId(), response, running));
      // The caller gets a copy: cancelling it leaves the submit call alone.
      CompletableFuture<StatementHandle> result = started.copy();
      result.whenComplete((h, e) -> {
        if (result.isCancelled()) {
          // Nobody will own this handle: stop polling and cancel on the server (if still running).
          started.thenAccept(handle -> handle.resultAsync().cancel(true));
        }
      });
      return result;
    });
  }

  /** Submits and waits for the result, however long the statement runs; an interrupt cancels it. */
  public StatementResult execute(StatementRequest request) {
    return Calls.join(executeAsync(request));
  }

  /** Runs {@code sql} on the warehouse with the server's defaults (INLINE, JSON_ARRAY). */
  public StatementResult execute(String warehouseId, String sql) {
    return Calls.join(executeAsync(warehouseId, sql));
  }

  /**
   * Submits and completes with the result. Cancelling the returned future cancels the statement on
   * the server, also while the submit call is still in flight (once its answer names the statement).
   */
  public CompletableFuture<StatementResult> executeAsync(StatementRequest request) {
    return Futures.compose(submitAsync(request), StatementHandle::resultAsync);
  }

  /**
   * {@link #execute(String, String)} without blocking; cancelling the future cancels the statement.
   * Never throws: bad input fails the future with {@code InvalidRequestException}.
   *
   * @param warehouseId the SQL warehouse to run on
   * @param sql the statement text
   * @return the result, or a future failed with {@link StatementFailedException},
   *     {@link StatementCanceledException} or {@link StatementClosedException}
   */
  public CompletableFuture<StatementResult> executeAsync(String warehouseId, String sql) {
    return Calls.async(() -> executeAsync(simpleRequest(warehouseId, sql)));
  }

  /**
   * A handle for a statement already known from a response (e.g. Genie's
   * {@code statement_response}): done at once if the response is terminal, else polled. Closing
   * the client fails its future but does not cancel a statement this client did not submit.
   */
  public StatementHandle handle(StatementResponse response) {
    Args.notNull(response, "response");
    Args.id(response.statementId(), "response.statementId");
    return new StatementHandle(api, options, response.statementId(), response, null);
  }

  /** A handle for a statement by id (as returned when it was submitted); its state is fetched by polling. */
  public StatementHandle handle(String statementId) {
    return new StatementHandle(api, options, Args.id(statementId, "statementId"), null, null);
  }

  /** Saved queries, fetched 100 per page as the iteration goes. */
  public PagedIterable<Query> listQueries() {
    return listQueries(MAX_PAGE_SIZE);
  }

  /** Saved queries, {@code pageSize} (1–100) per request. */
  public PagedIterable<Query> listQueries(int pageSize) {
    if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
      throw new dev.kiln.core.error.InvalidRequestException("pageSize must be 1 to 100, was " + pageSize);
    }
    return PagedIterable.of(token -> {
      QueryListPage page = db.call(ApiRequest.get(QUERIES)
          .query("page_size", pageSize)
          .query("page_token", token)
          .build(), QueryListPage.class);
      return Page.of(page.results(), page.nextPageToken());
    });
  }

  /**
   * Reads one saved query ({@code GET /api/2.0/sql/queries/{id}}).
   *
   * @param queryId the query's id
   * @return the query
   * @throws dev.kiln.core.error.InvalidRequestException for a null or blank id
   */
  public Query getQuery(String queryId) {
    return Calls.join(getQueryAsync(queryId));
  }

  /**
   * {@link #getQuery(String)} without blocking; bad input fails the future with
   * {@code InvalidRequestException}.
   *
   * @param queryId the query's id
   * @return the query
   */
  public CompletableFuture<Query> getQueryAsync(String queryId) {
    return Calls.async(() -> db.callAsync(ApiRequest.get(QUERY, Args.id(queryId, "queryId")).build(), Query.class));
  }

  /** Query history, newest first, 100 per page, fetched as the iteration goes. */
  public PagedIterable<QueryInfo> queryHistory() {
    return queryHistory(QueryHistoryFilter.builder().build());
  }

  /**
   * {@code GET /api/2.0/sql/history/queries} with {@code filter_by.*} (statuses, user ids, warehouse
   * ids, statement ids, a start-time window), {@code include_metrics} and {@code max_results},
   * lazily following {@code next_page_token} while {@code has_next_page}.
   */
  public PagedIterable<QueryInfo> queryHistory(QueryHistoryFilter filter) {
    Args.notNull(filter, "filter");
    return PagedIterable.of(token -> {
      ApiRequest.Builder req = ApiRequest.get(HISTORY);
      filter.statuses().forEach(s -> req.query("filter_by.statuses", s.name()));
      filter.userIds().forEach(u -> req.query("filter_by.user_ids", u));
      filter.warehouseIds().forEach(w -> req.query("filter_by.warehouse_ids", w));
      filter.statementIds().forEach(id -> req.query("filter_by.statement_ids", id));
      filter.startTimeFrom().ifPresent(t -> req.query("filter_by.query_start_time_range.start_time_ms", t.toEpochMilli()));
      filter.startTimeTo().ifPresent(t -> req.query("filter_by.query_start_time_range.end_time_ms", t.toEpochMilli()));
      if (filter.includeMetrics()) {
        req.query("include_metrics", true);
      }
      req.query("max_results", filter.maxResults().isPresent() ? filter.maxResults().getAsInt() : null);
      req.query("page_token", token);
      WarehouseWire.HistoryPage page = db.call(req.build(), WarehouseWire.HistoryPage.class);
      return Page.of(page.res, page.nextToken());
    });
  }

  /** The workspace client it uses, for logs; no credentials. */
  @Override
  public String toString() {
    return "SqlClient[" + db + "]";
  }

  private static StatementRequest simpleRequest(String warehouseId, String sql) {
    Args.notNull(warehouseId, "warehouseId");
    Args.notNull(sql, "sql");
    return StatementRequest.builder().warehouseId(warehouseId).statement(sql).build();
  }
}
