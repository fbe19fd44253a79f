package dev.kiln.vectorsearch;

import dev.kiln.core.ApiRequest;
import dev.kiln.core.DatabricksClient;
import dev.kiln.core.PagedIterable;
import dev.kiln.core.error.InvalidRequestException;
import dev.kiln.core.spi.Args;
import dev.kiln.core.spi.Calls;
import dev.kiln.core.spi.Futures;
import dev.kiln.vectorsearch.internal.DeleteRequestBody;
import dev.kiln.vectorsearch.internal.EndpointListResponseBody;
import dev.kiln.vectorsearch.internal.IndexListResponseBody;
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
import java.util.concurrent.CompletableFuture;

/**
 * Vector Search: endpoints, indexes, similarity queries with paging, full scans and writes to
 * direct-access indexes. Create with {@link #create(DatabricksClient)} or
 * {@link #create(DatabricksClient, VectorSearchOptions)}. Thread-safe; holds no resources of its own
 * (the {@link DatabricksClient} owns connections and threads).
 *
 * <p>Every remote call has a blocking form and an {@code *Async} twin. Blocking methods throw typed
 * {@code DatabricksException}s. {@code *Async} methods never throw: invalid arguments arrive as a
 * future failed with {@link InvalidRequestException}, and cancelling the future abandons the HTTP
 * call (and any retry still pending). Arguments are checked before anything is sent: a null argument
 * is named in the message; an index name must be a three-level Unity Catalog name
 * ({@code catalog.schema.index}, each part at most 255 characters); an endpoint name must not be
 * blank, {@code .} or {@code ..}. Listings, {@link #queryAll} and {@link #scan} are lazy: nothing is
 * sent until they are iterated, and each iteration starts over.
 *
 * <p>Queries and scans are reads sent as POST, so they are marked safe to repeat (retried on 5xx and
 * timeouts). Upserts and deletes are not: a blind resend could overwrite or remove a row another
 * writer changed in between.
 */
public final class VectorSearchClient {
  /** Unity Catalog's limit on one part of a name. */
  static final int MAX_NAME_PART_LENGTH = 255;

  private static final String ENDPOINTS = "/api/2.0/vector-search/endpoints";
  private static final String INDEXES = "/api/2.0/vector-search/indexes";
  private static final String INDEX = INDEXES + "/{index_name}";

  private final DatabricksClient db;
  private final VectorSearchOptions options;

  private VectorSearchClient(DatabricksClient db, VectorSearchOptions options) {
    this.db = Args.notNull(db, "db");
    this.options = Args.notNull(options, "options");
  }

  public static VectorSearchClient create(DatabricksClient db) {
    return new VectorSearchClient(db, VectorSearchOptions.defaults());
  }

  public static VectorSearchClient create(DatabricksClient db, VectorSearchOptions options) {
    return new VectorSearchClient(db, options);
  }

  public VectorSearchOptions options() {
    return options;
  }

  // ---- endpoints and indexes ------------------------------------------------------------------

  /** Every endpoint in the workspace, page by page as iterated. */
  public PagedIterable<VectorSearchEndpoint> listEndpoints() {
    return PagedIterable.of(token -> db.call(
        ApiRequest.get(ENDPOINTS).query("page_token", token).build(), EndpointListResponseBody.class).toPage());
  }

  public VectorSearchEndpoint getEndpoint(String endpointName) {
    return Calls.join(getEndpointAsync(endpointName));
  }

  public CompletableFuture<VectorSearchEndpoint> getEndpointAsync(String endpointName) {
    return Calls.async(() -> db.callAsync(
        ApiRequest.get(ENDPOINTS + "/{endpoint_name}", endpointName(endpointName)).build(),
        VectorSearchEndpoint.class));
  }

  /**
   * Summaries (name, type, primary key, endpoint) of the indexes an endpoint serves. Throws
   * {@link InvalidRequestException} at once for a bad endpoint name.
   */
  public PagedIterable<VectorIndex> listIndexes(String endpointName) {
    String endpoint = endpointName(endpointName);
    return PagedIterable.of(token -> db.call(
        ApiRequest.get(INDEXES).query("endpoint_name", endpoint).query("page_token", token).build(),
        IndexListResponseBody.class).toPage());
  }

  /** The full description of an index, including its status and specs. */
  public VectorIndex getIndex(String indexName) {
    return Calls.join(getIndexAsync(indexName));
  }

  public CompletableFuture<VectorIndex> getIndexAsync(String indexName) {
    return Calls.async(() -> db.callAsync(ApiRequest.get(INDEX, indexName(indexName)).build(), VectorIndex.class));
  }

  // ---- queries --------------------------------------------------------------------------------

  /** The first page of matches, best first; see {@link #queryAll} to read every page. */
  public VectorQueryResult query(String indexName, VectorQuery query) {
    return Calls.join(queryAsync(indexName, query));
  }

  public CompletableFuture<VectorQueryResult> queryAsync(String indexName, VectorQuery query) {
    return Calls.async(() -> {
      ApiRequest request = ApiRequest.post(INDEX + "/query", indexName(indexName))
          .jsonBody(QueryRequestBody.of(Args.notNull(query, "query")))
          .idempotent(true)
          .build();
      return Futures.map(db.callAsync(request, QueryResponseBody.class), QueryResponseBody::toResult);
    });
  }

  /** The page after the one that returned {@code pageToken}; the server needs the endpoint's name. */
  public VectorQueryResult queryNextPage(String indexName, String endpointName, String pageToken) {
    return Calls.join(queryNextPageAsync(indexName, endpointName, pageToken));
  }

  public CompletableFuture<VectorQueryResult> queryNextPageAsync(String indexName, String endpointName,
      String pageToken) {
    return Calls.async(() -> {
      String index = indexName(indexName);
      QueryNextPageRequestBody body =
          QueryNextPageRequestBody.of(endpointName(endpointName), Args.notBlank(pageToken, "pageToken"));
      ApiRequest request = ApiRequest.post(INDEX + "/query-next-page", index).jsonBody(body).idempotent(true).build();
      return Futures.map(db.callAsync(request, QueryResponseBody.class), QueryResponseBody::toResult);
    });
  }

  /**
   * Every match of the query across all pages, fetched as iterated; each iteration starts over from
   * the first page. Pages after the first need the endpoint's name: it is taken from
   * {@link VectorQuery#endpointName()} when set, otherwise looked up with {@link #getIndex} once,
   * and only if a second page exists. Throws {@link InvalidRequestException} at once for bad
   * arguments.
   */
  public PagedIterable<VectorMatch> queryAll(String indexName, VectorQuery query) {
    String index = indexName(indexName);
    return PagedIterable.of(new QueryPages(this, index, Args.notNull(query, "query")));
  }

  // ---- scan -----------------------------------------------------------------------------------

  /**
   * Every entry of the index, {@link VectorSearchOptions#scanPageSize()} per request; see
   * {@link #scan(String, int)}.
   */
  public PagedIterable<Map<String, Object>> scan(String indexName) {
    return scan(indexName, options.scanPageSize());
  }

  /**
   * Every entry of the index in primary-key order, {@code pageSize} per request, until the server
   * returns an empty page. Each entry maps column name to value: String, Double (every number: the
   * wire type is a double), Boolean, null, List or Map (for list and struct values). Throws
   * {@link InvalidRequestException} at once for bad arguments.
   */
  public PagedIterable<Map<String, Object>> scan(String indexName, int pageSize) {
    String index = indexName(indexName);
    Args.positive(pageSize, "pageSize");
    return PagedIterable.of(lastPrimaryKey -> db.call(
        ApiRequest.post(INDEX + "/scan", index)
            .jsonBody(ScanRequestBody.of(lastPrimaryKey, pageSize))
            .idempotent(true)
            .build(),
        ScanResponseBody.class).toPage());
  }

  // ---- direct-access writes -------------------------------------------------------------------

  /**
   * Inserts or replaces rows (column name to value; the primary key and embedding included) in a
   * direct-access index. Returns the server's verdict as is: PARTIAL_SUCCESS and FAILURE do not
   * throw, so check {@link WriteResult#isComplete()} or call {@link WriteResult#orThrow()}.
   */
  public WriteResult upsert(String indexName, List<Map<String, Object>> rows) {
    return Calls.join(upsertAsync(indexName, rows));
  }

  public CompletableFuture<WriteResult> upsertAsync(String indexName, List<Map<String, Object>> rows) {
    return Calls.async(() -> {
      String index = indexName(indexName);
      notEmpty(rows, "rows");
      for (int i = 0; i < rows.size(); i++) {
        Args.notNull(rows.get(i), "rows[" + i + "]");
      }
      ApiRequest request = ApiRequest.post(INDEX + "/upsert-data", index).jsonBody(UpsertRequestBody.of(rows)).build();
      return Futures.map(db.callAsync(request, WriteResponseBody.class), WriteResponseBody::toResult);
    });
  }

  /**
   * Removes rows by primary key from a direct-access index; like {@link #upsert}, returns partial
   * failures instead of throwing. The keys travel as a JSON body {@code {"primary_keys": [...]}}
   * (the REST reference's form; no URL-length limit on big batches).
   */
  public WriteResult delete(String indexName, List<String> primaryKeys) {
    return Calls.join(deleteAsync(indexName, primaryKeys));
  }

  public CompletableFuture<WriteResult> deleteAsync(String indexName, List<String> primaryKeys) {
    return Calls.async(() -> {
      String index = indexName(indexName);
      notEmpty(primaryKeys, "primaryKeys");
      for (int i = 0; i < primaryKeys.size(); i++) {
        Args.notBlank(primaryKeys.get(i), "primaryKeys[" + i + "]");
      }
      ApiRequest request = ApiRequest.delete(INDEX + "/delete-data", index)
          .jsonBody(DeleteRequestBody.of(primaryKeys))
          .idempotent(false) // DELETE defaults to retryable; a resend could remove a row re-added meanwhile
          .build();
      return Futures.map(db.callAsync(request, WriteResponseBody.class), WriteResponseBody::toResult);
    });
  }

  // ---- argument checks ------------------------------------------------------------------------

  /**
   * A three-level Unity Catalog name, checked before anything is sent: anything else is rejected by
   * the server anyway, and a dot segment ({@code .}, {@code ..}) would address another resource.
   */
  static String indexName(String value) {
    Args.notBlank(value, "indexName");
    if (value.length() > 3 * MAX_NAME_PART_LENGTH + 2) {
      throw new InvalidRequestException("indexName is " + value.length() + " characters; at most "
          + (3 * MAX_NAME_PART_LENGTH + 2) + " are allowed");
    }
    String[] parts = value.split("\\.", -1);
    if (parts.length != 3) {
      throw new InvalidRequestException(
          "indexName must be a three-level name catalog.schema.index, got " + parts.length + " part(s)");
    }
    for (String part : parts) {
      if (part.isBlank()) {
        throw new InvalidRequestException("indexName must be a three-level name catalog.schema.index with no empty part");
      }
      if (part.length() > MAX_NAME_PART_LENGTH) {
        throw new InvalidRequestException("indexName has a part of " + part.length() + " characters; at most "
            + MAX_NAME_PART_LENGTH + " are allowed");
      }
    }
    return value;
  }

  private static String endpointName(String value) {
    return Args.id(value, "endpointName");
  }

  private static void notEmpty(List<?> values, String name) {
    Args.notNull(values, name);
    if (values.isEmpty()) {
      throw new InvalidRequestException(name + " must not be empty");
    }
  }

  @Override
  public String toString() {
    return "VectorSearchClient[" + db + "]";
  }
}
