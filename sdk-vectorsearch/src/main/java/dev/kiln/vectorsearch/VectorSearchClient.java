package dev.kiln.vectorsearch;

import dev.kiln.core.ApiRequest;
import dev.kiln.core.DatabricksClient;
import dev.kiln.core.PagedIterable;
import dev.kiln.core.error.DatabricksClientException;
import dev.kiln.core.error.InvalidRequestException;
import dev.kiln.core.spi.Args;
import dev.kiln.core.spi.Calls;
import dev.kiln.core.spi.Futures;
import dev.kiln.vectorsearch.internal.DeleteRequestBody;
import dev.kiln.vectorsearch.internal.EndpointListResponseBody;
import dev.kiln.vectorsearch.internal.FilterSyntax;
import dev.kiln.vectorsearch.internal.IndexListResponseBody;
import dev.kiln.vectorsearch.internal.QueryNextPageRequestBody;
import dev.kiln.vectorsearch.internal.QueryRequestBody;
import dev.kiln.vectorsearch.internal.QueryResponseBody;
import dev.kiln.vectorsearch.internal.ScanRequestBody;
import dev.kiln.vectorsearch.internal.ScanResponseBody;
import dev.kiln.vectorsearch.internal.UpsertRequestBody;
import dev.kiln.vectorsearch.internal.WriteResponseBody;
import dev.kiln.vectorsearch.model.EndpointType;
import dev.kiln.vectorsearch.model.NewVectorIndex;
import dev.kiln.vectorsearch.model.VectorIndex;
import dev.kiln.vectorsearch.model.VectorMatch;
import dev.kiln.vectorsearch.model.VectorQuery;
import dev.kiln.vectorsearch.model.VectorQueryResult;
import dev.kiln.vectorsearch.model.VectorSearchEndpoint;
import dev.kiln.vectorsearch.model.WriteResult;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

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
  /** Endpoint types seen, by endpoint name, and endpoints by index name: a filtered query needs the type. */
  private final Map<String, EndpointType> endpointTypes = new ConcurrentHashMap<>();
  private final Map<String, String> endpointOfIndex = new ConcurrentHashMap<>();

  private VectorSearchClient(DatabricksClient db, VectorSearchOptions options) {
    this.db = Args.notNull(db, "db");
    this.options = Args.notNull(options, "options");
  }

  /**
   * A client over {@code db} with {@link VectorSearchOptions#defaults()}.
   *
   * @throws InvalidRequestException when {@code db} is null
   */
  public static VectorSearchClient create(DatabricksClient db) {
    return new VectorSearchClient(db, VectorSearchOptions.defaults());
  }

  /**
   * A client over {@code db} with the given polling and paging settings. The client does not own
   * {@code db}.
   *
   * @throws InvalidRequestException when {@code db} or {@code options} is null
   */
  public static VectorSearchClient create(DatabricksClient db, VectorSearchOptions options) {
    return new VectorSearchClient(db, options);
  }

  /** The settings this client was created with. */
  public VectorSearchOptions options() {
    return options;
  }

  // ---- endpoints and indexes ------------------------------------------------------------------

  /** Every endpoint in the workspace, page by page as iterated. */
  public PagedIterable<VectorSearchEndpoint> listEndpoints() {
    return PagedIterable.of(token -> db.call(
        ApiRequest.get(ENDPOINTS).query("page_token", token).build(), EndpointListResponseBody.class).toPage());
  }

  /**
   * The endpoint called {@code endpointName}: its type, state and how many indexes it serves.
   *
   * @throws dev.kiln.core.error.NotFoundException when there is no such endpoint
   */
  public VectorSearchEndpoint getEndpoint(String endpointName) {
    return Calls.join(getEndpointAsync(endpointName));
  }

  /** {@link #getEndpoint(String)} without blocking. */
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

  /** {@link #getIndex(String)} without blocking. */
  public CompletableFuture<VectorIndex> getIndexAsync(String indexName) {
    return Calls.async(() -> db.callAsync(ApiRequest.get(INDEX, indexName(indexName)).build(), VectorIndex.class));
  }

  /**
   * Creates an endpoint; it starts PROVISIONING (see {@link VectorSearchEndpoint#state()}). STORAGE_OPTIMIZED
   * endpoints hold far more vectors and take filters as a SQL-like string ({@link VectorQuery#filterString()}).
   */
  public VectorSearchEndpoint createEndpoint(String endpointName, EndpointType type) {
    return Calls.join(createEndpointAsync(endpointName, type));
  }

  /**
   * {@link #createEndpoint(String, EndpointType)} without blocking; completes once the server
   * accepted the endpoint, not when it is online.
   */
  public CompletableFuture<VectorSearchEndpoint> createEndpointAsync(String endpointName, EndpointType type) {
    return Calls.async(() -> {
      String name = endpointName(endpointName);
      Args.notNull(type, "type");
      if (type == EndpointType.UNKNOWN) {
        throw new InvalidRequestException("type must be STANDARD or STORAGE_OPTIMIZED");
      }
      ApiRequest request = ApiRequest.post(ENDPOINTS)
          .jsonBody(Map.of("name", name, "endpoint_type", type.name()))
          .build();
      return Futures.map(db.callAsync(request, VectorSearchEndpoint.class), e -> {
        endpointTypes.put(name, type);
        return e;
      });
    });
  }

  /** Deletes an endpoint and the indexes it serves. */
  public void deleteEndpoint(String endpointName) {
    Calls.join(deleteEndpointAsync(endpointName));
  }

  /** {@link #deleteEndpoint(String)} without blocking. */
  public CompletableFuture<Void> deleteEndpointAsync(String endpointName) {
    return Calls.async(() -> {
      String name = endpointName(endpointName);
      endpointTypes.remove(name);
      return db.callAsync(ApiRequest.delete(ENDPOINTS + "/{endpoint_name}", name).build(), Void.class);
    });
  }

  /**
   * Creates an index; the handle waits until it serves queries ({@link VectorIndexHandle#await()} gives the
   * index then). Not retried: a resend after a lost answer would fail with "already exists".
   */
  public VectorIndexHandle createIndex(NewVectorIndex index) {
    return Calls.join(createIndexAsync(index));
  }

  /** {@link #createIndex} without blocking; completes once the server accepted the index. */
  public CompletableFuture<VectorIndexHandle> createIndexAsync(NewVectorIndex index) {
    return Calls.async(() -> {
      Args.notNull(index, "index");
      String name = indexName(index.name());
      endpointName(index.endpointName());
      ApiRequest request = ApiRequest.post(INDEXES).jsonBody(index).build();
      return Futures.map(db.callAsync(request, VectorIndex.class), created -> {
        endpointOfIndex.put(name, index.endpointName());
        return newHandle(name, created);
      });
    });
  }

  /** A handle waiting for an existing index to be ready; the first poll is the remote work. */
  public VectorIndexHandle handle(String indexName) {
    return newHandle(indexName(indexName), null);
  }

  /** Deletes an index. */
  public void deleteIndex(String indexName) {
    Calls.join(deleteIndexAsync(indexName));
  }

  /** {@link #deleteIndex(String)} without blocking. */
  public CompletableFuture<Void> deleteIndexAsync(String indexName) {
    return Calls.async(() -> {
      String name = indexName(indexName);
      endpointOfIndex.remove(name);
      return db.callAsync(ApiRequest.delete(INDEX, name).build(), Void.class);
    });
  }

  /**
   * Starts a sync of a delta-sync index from its source table (TRIGGERED pipelines); returns once the server
   * accepted it. Await {@link #handle(String)} for the index to be ready again.
   */
  public void syncIndex(String indexName) {
    Calls.join(syncIndexAsync(indexName));
  }

  /** {@link #syncIndex(String)} without blocking. */
  public CompletableFuture<Void> syncIndexAsync(String indexName) {
    return Calls.async(() -> db.callAsync(ApiRequest.post(INDEX + "/sync", indexName(indexName)).build(), Void.class));
  }

  // ---- queries --------------------------------------------------------------------------------

  /**
   * The first page of matches, best first; see {@link #queryAll} to read every page.
   *
   * <p>A filter is written in the syntax of the endpoint serving the index: a JSON object for STANDARD
   * endpoints, a SQL-like string for STORAGE_OPTIMIZED ones (a filter map is translated when it can be; a
   * {@link VectorQuery#filterString()} for a STANDARD endpoint is refused before sending). The type comes
   * from {@link VectorQuery#endpointType()}, else from the endpoint, looked up once per endpoint (and the
   * index's endpoint once per index, unless {@link VectorQuery#endpointName()} names it) and remembered by
   * this client. Queries without a filter need no lookup.
   */
  public VectorQueryResult query(String indexName, VectorQuery query) {
    return Calls.join(queryAsync(indexName, query));
  }

  /**
   * {@link #query(String, VectorQuery)} without blocking (the endpoint lookup a filter may need
   * included).
   */
  public CompletableFuture<VectorQueryResult> queryAsync(String indexName, VectorQuery query) {
    return Calls.async(() -> {
      String index = indexName(indexName);
      Args.notNull(query, "query");
      return Futures.compose(filtersJson(index, query), filters -> {
        ApiRequest request = ApiRequest.post(INDEX + "/query", index)
            .jsonBody(QueryRequestBody.of(query, filters))
            .idempotent(true)
            .build();
        return Futures.map(db.callAsync(request, QueryResponseBody.class), QueryResponseBody::toResult);
      });
    });
  }

  /** The query's filter in its endpoint's syntax (null when it has none), or a failed future if it does not fit. */
  private CompletableFuture<String> filtersJson(String indexName, VectorQuery query) {
    if (!query.hasFilters()) {
      return CompletableFuture.completedFuture(null);
    }
    if (query.endpointType().isPresent()) { // the caller said: nothing to look up
      return CompletableFuture.completedFuture(FilterSyntax.filtersJson(query, query.endpointType().get(),
          query.endpointName().orElse("of index " + indexName)));
    }
    return Futures.map(endpointOf(indexName, query), endpoint -> {
      return FilterSyntax.filtersJson(query, endpointTypes.get(endpoint), endpoint);
    });
  }

  /** The index's endpoint name, with its type in {@link #endpointTypes} (looked up and remembered if needed). */
  private CompletableFuture<String> endpointOf(String indexName, VectorQuery query) {
    String known = query.endpointName().orElseGet(() -> endpointOfIndex.get(indexName));
    CompletableFuture<String> endpoint = known != null ? CompletableFuture.completedFuture(known)
        : Futures.map(getIndexAsync(indexName), i -> {
          String name = i.endpointName().orElseThrow(() -> new DatabricksClientException("index " + indexName
              + " reports no endpoint_name, which choosing the filter syntax needs; set VectorQuery.endpointType(..)"));
          endpointOfIndex.put(indexName, name);
          return name;
        });
    return Futures.compose(endpoint, name -> endpointTypes.containsKey(name)
        ? CompletableFuture.completedFuture(name)
        : Futures.map(getEndpointAsync(name), e -> {
          endpointTypes.put(name, e.endpointType());
          return name;
        }));
  }

  private VectorIndexHandle newHandle(String indexName, VectorIndex initial) {
    return new VectorIndexHandle(db, options, indexName,
        () -> db.callAsync(ApiRequest.get(INDEX, indexName).build(), VectorIndex.class), initial);
  }

  /** The page after the one that returned {@code pageToken}; the server needs the endpoint's name. */
  public VectorQueryResult queryNextPage(String indexName, String endpointName, String pageToken) {
    return Calls.join(queryNextPageAsync(indexName, endpointName, pageToken));
  }

  /** {@link #queryNextPage(String, String, String)} without blocking. */
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

  /** {@link #upsert(String, List)} without blocking. */
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

  /** {@link #delete(String, List)} without blocking. */
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
