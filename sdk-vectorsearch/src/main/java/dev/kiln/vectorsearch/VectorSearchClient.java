package dev.kiln.vectorsearch;

import dev.kiln.core.ApiRequest;
import dev.kiln.core.DatabricksClient;
import dev.kiln.core.spi.Futures;
import dev.kiln.core.PagedIterable;
import dev.kiln.core.error.InvalidRequestException;
import dev.kiln.vectorsearch.internal.DeleteRequestBody;
import dev.kiln.vectorsearch.internal.EndpointListResponse;
import dev.kiln.vectorsearch.internal.IndexListResponse;
import dev.kiln.vectorsearch.internal.QueryNextPageRequestBody;
import dev.kiln.vectorsearch.internal.QueryRequestBody;
import dev.kiln.vectorsearch.internal.QueryResponseBody;
import dev.kiln.vectorsearch.internal.ScanRequestBody;
import dev.kiln.vectorsearch.internal.ScanResponseBody;
import dev.kiln.vectorsearch.internal.UpsertRequestBody;
import dev.kiln.vectorsearch.internal.WriteResponseBody;
import dev.kiln.vectorsearch.model.VectorIndex;
import dev.kiln.vectorsearch.model.VectorMatch;
import dev.kiln.vectorsearch.model.VectorQuery;
import dev.kiln.vectorsearch.model.VectorQueryResult;
import dev.kiln.vectorsearch.model.VectorSearchEndpoint;
import dev.kiln.vectorsearch.model.WriteResult;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Vector Search: endpoints, indexes, similarity queries with paging, full scans and writes to
 * direct-access indexes. Thread-safe; holds no resources of its own (the {@link DatabricksClient}
 * owns connections and threads).
 *
 * <p>Blocking methods throw typed {@code DatabricksException}s. {@code *Async} methods never throw:
 * invalid arguments, too, arrive as a failed future, and cancelling the future abandons the HTTP call
 * (and any retry still pending). Listings, {@link #queryAll} and {@link #scan} are lazy: nothing is
 * sent until they are iterated, and each iteration starts over.
 *
 * <p>Queries and scans are reads sent as POST, so they are marked safe to repeat (retried on 5xx and
 * timeouts). Upserts and deletes are not: a blind resend could overwrite or remove a row another
 * writer changed in between.
 */
public final class VectorSearchClient {
  /** Entries fetched per scan request by {@link #scan(String)}. */
  public static final int DEFAULT_SCAN_PAGE_SIZE = 100;

  private static final String BASE = "/api/2.0/vector-search";

  private final DatabricksClient db;

  private VectorSearchClient(DatabricksClient db) {
    this.db = Objects.requireNonNull(db, "db");
  }

  public static VectorSearchClient create(DatabricksClient db) {
    return new VectorSearchClient(db);
  }

  // ---- endpoints and indexes ------------------------------------------------------------------

  /** Every endpoint in the workspace, page by page as iterated. */
  public PagedIterable<VectorSearchEndpoint> listEndpoints() {
    return PagedIterable.of(token -> db.call(
        ApiRequest.get(BASE + "/endpoints").query("page_token", token).build(),
        EndpointListResponse.class).toPage());
  }

  public VectorSearchEndpoint getEndpoint(String endpointName) {
    return Futures.join(getEndpointAsync(endpointName));
  }

  public CompletableFuture<VectorSearchEndpoint> getEndpointAsync(String endpointName) {
    return callAsync(() -> ApiRequest.get(BASE + "/endpoints/" + ApiRequest.segment(endpointName)).build(),
        VectorSearchEndpoint.class, Function.identity());
  }

  /** Summaries (name, type, primary key, endpoint) of the indexes an endpoint serves. */
  public PagedIterable<VectorIndex> listIndexes(String endpointName) {
    requireName(endpointName, "endpointName");
    return PagedIterable.of(token -> db.call(
        ApiRequest.get(BASE + "/indexes").query("endpoint_name", endpointName).query("page_token", token).build(),
        IndexListResponse.class).toPage());
  }

  /** The full description of an index, including its status and specs. */
  public VectorIndex getIndex(String indexName) {
    return Futures.join(getIndexAsync(indexName));
  }

  public CompletableFuture<VectorIndex> getIndexAsync(String indexName) {
    return callAsync(() -> ApiRequest.get(indexPath(indexName, "")).build(), VectorIndex.class, Function.identity());
  }

  // ---- queries --------------------------------------------------------------------------------

  /** The first page of matches, best first; see {@link #queryAll} to read every page. */
  public VectorQueryResult query(String indexName, VectorQuery query) {
    return Futures.join(queryAsync(indexName, query));
  }

  public CompletableFuture<VectorQueryResult> queryAsync(String indexName, VectorQuery query) {
    return callAsync(() -> ApiRequest.post(indexPath(indexName, "/query"))
            .jsonBody(QueryRequestBody.of(Objects.requireNonNull(query, "query")))
            .idempotent(true)
            .build(),
        QueryResponseBody.class, QueryResponseBody::toResult);
  }

  /** The page after the one that returned {@code pageToken}; the server needs the endpoint's name. */
  public VectorQueryResult queryNextPage(String indexName, String endpointName, String pageToken) {
    return Futures.join(queryNextPageAsync(indexName, endpointName, pageToken));
  }

  public CompletableFuture<VectorQueryResult> queryNextPageAsync(String indexName, String endpointName,
      String pageToken) {
    return callAsync(() -> {
      requireName(endpointName, "endpointName");
      requireName(pageToken, "pageToken");
      return ApiRequest.post(indexPath(indexName, "/query-next-page"))
          .jsonBody(new QueryNextPageRequestBody(endpointName, pageToken))
          .idempotent(true)
          .build();
    }, QueryResponseBody.class, QueryResponseBody::toResult);
  }

  /**
   * Every match of the query across all pages, fetched as iterated. Pages after the first need the
   * endpoint's name: it is taken from {@link VectorQuery#endpointName()} when set, otherwise looked
   * up with {@link #getIndex} once, and only if a second page exists.
   */
  public PagedIterable<VectorMatch> queryAll(String indexName, VectorQuery query) {
    requireName(indexName, "indexName");
    return PagedIterable.of(new QueryPages(this, indexName, Objects.requireNonNull(query, "query")));
  }

  // ---- scan -----------------------------------------------------------------------------------

  /** Every entry of the index, {@value #DEFAULT_SCAN_PAGE_SIZE} per request; see {@link #scan(String, int)}. */
  public PagedIterable<Map<String, Object>> scan(String indexName) {
    return scan(indexName, DEFAULT_SCAN_PAGE_SIZE);
  }

  /**
   * Every entry of the index in primary-key order, {@code pageSize} per request, until the server
   * returns an empty page. Each entry maps column name to value: String, Double (every number: the
   * wire type is a double), Boolean, null, List or Map (for list and struct values).
   */
  public PagedIterable<Map<String, Object>> scan(String indexName, int pageSize) {
    requireName(indexName, "indexName");
    if (pageSize < 1) {
      throw new InvalidRequestException("scan pageSize must be at least 1, got " + pageSize);
    }
    String path = indexPath(indexName, "/scan");
    return PagedIterable.of(lastPrimaryKey -> db.call(
        ApiRequest.post(path).jsonBody(new ScanRequestBody(lastPrimaryKey, pageSize)).idempotent(true).build(),
        ScanResponseBody.class).toPage());
  }

  // ---- direct-access writes -------------------------------------------------------------------

  /**
   * Inserts or replaces rows (column name to value; the primary key and embedding included) in a
   * direct-access index. Returns the server's verdict as is: PARTIAL_SUCCESS and FAILURE do not
   * throw, so check {@link WriteResult#isComplete()} or call {@link WriteResult#orThrow()}.
   */
  public WriteResult upsert(String indexName, List<Map<String, Object>> rows) {
    return Futures.join(upsertAsync(indexName, rows));
  }

  public CompletableFuture<WriteResult> upsertAsync(String indexName, List<Map<String, Object>> rows) {
    return callAsync(() -> {
      if (rows == null || rows.isEmpty()) {
        throw new InvalidRequestException("upsert needs at least one row");
      }
      return ApiRequest.post(indexPath(indexName, "/upsert-data")).jsonBody(UpsertRequestBody.of(rows)).build();
    }, WriteResponseBody.class, WriteResponseBody::toResult);
  }

  /**
   * Removes rows by primary key from a direct-access index; like {@link #upsert}, returns partial
   * failures instead of throwing. The keys travel as a JSON body {@code {"primary_keys": [...]}}
   * (the REST reference's form; no URL-length limit on big batches).
   */
  public WriteResult delete(String indexName, List<String> primaryKeys) {
    return Futures.join(deleteAsync(indexName, primaryKeys));
  }

  public CompletableFuture<WriteResult> deleteAsync(String indexName, List<String> primaryKeys) {
    return callAsync(() -> {
      if (primaryKeys == null || primaryKeys.isEmpty()) {
        throw new InvalidRequestException("delete needs at least one primary key");
      }
      for (String key : primaryKeys) {
        requireName(key, "primary key");
      }
      return ApiRequest.delete(indexPath(indexName, "/delete-data"))
          .jsonBody(new DeleteRequestBody(primaryKeys))
          .idempotent(false) // DELETE defaults to retryable; a resend could remove a row re-added meanwhile
          .build();
    }, WriteResponseBody.class, WriteResponseBody::toResult);
  }

  // ---- helpers --------------------------------------------------------------------------------

  /**
   * Builds the request (where argument checks throw), sends it and decodes the answer with
   * {@code then}. A bad argument fails the future; cancelling the future cancels the call.
   */
  private <T, U> CompletableFuture<U> callAsync(Supplier<ApiRequest> request, Class<T> type,
      Function<? super T, ? extends U> then) {
    try {
      return Futures.map(db.callAsync(request.get(), type), then);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  private static String indexPath(String indexName, String suffix) {
    requireName(indexName, "indexName");
    return BASE + "/indexes/" + ApiRequest.segment(indexName) + suffix;
  }

  private static void requireName(String value, String what) {
    if (value == null || value.isBlank()) {
      throw new InvalidRequestException(what + " must not be empty");
    }
  }

  @Override
  public String toString() {
    return "VectorSearchClient[" + db + "]";
  }
}
