package dev.kiln.vectorsearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.core.error.InvalidRequestException;
import dev.kiln.core.error.OperationTimeoutException;
import dev.kiln.vectorsearch.model.EmbeddingSource;
import dev.kiln.vectorsearch.model.EmbeddingVector;
import dev.kiln.vectorsearch.model.EndpointState;
import dev.kiln.vectorsearch.model.EndpointType;
import dev.kiln.vectorsearch.model.IndexState;
import dev.kiln.vectorsearch.model.NewVectorIndex;
import dev.kiln.vectorsearch.model.QueryType;
import dev.kiln.vectorsearch.model.Reranker;
import dev.kiln.vectorsearch.model.VectorIndex;
import dev.kiln.vectorsearch.model.VectorQuery;
import dev.kiln.vectorsearch.model.VectorSearchEndpoint;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Endpoint/index create, delete and sync, the ready handle, FULL_TEXT, the reranker and filter syntax per endpoint type. */
class NewerSurfaceTest extends MockServerTest {
  static final String INDEX = "main.docs.chunks";
  static final String QUERY = "/api/2.0/vector-search/indexes/" + INDEX + "/query";
  static final String EMPTY_PAGE = "{'manifest': {'columns': [{'name': 'id'}, {'name': 'score'}]}, 'result': {'row_count': 0}}";

  private static VectorQuery.Builder byText() {
    return VectorQuery.builder().addColumns("id").queryText("red apples");
  }

  @Test
  void createEndpointSendsNameAndType() throws Exception {
    enqueueJson("{'name': 'so', 'endpoint_type': 'STORAGE_OPTIMIZED', 'endpoint_status': {'state': 'PROVISIONING'}}");

    VectorSearchEndpoint e = vs.createEndpoint("so", EndpointType.STORAGE_OPTIMIZED);

    assertEquals(EndpointState.PROVISIONING, e.state());
    take("POST", "/api/2.0/vector-search/endpoints", "{'name': 'so', 'endpoint_type': 'STORAGE_OPTIMIZED'}");
    assertThrows(InvalidRequestException.class, () -> vs.createEndpoint("x", EndpointType.UNKNOWN));
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void deleteAndSyncCalls() throws Exception {
    enqueueJson("{}");
    enqueueJson("{}");
    enqueueJson("{}");

    vs.deleteEndpoint("old");
    vs.deleteIndexAsync(INDEX).get(5, TimeUnit.SECONDS);
    vs.syncIndex(INDEX);

    take("DELETE", "/api/2.0/vector-search/endpoints/old", null);
    take("DELETE", "/api/2.0/vector-search/indexes/" + INDEX, null);
    take("POST", "/api/2.0/vector-search/indexes/" + INDEX + "/sync", null);
  }

  @Test
  void createDeltaSyncIndexAndWaitUntilOnline() throws Exception {
    enqueueJson("{'name': '" + INDEX + "', 'endpoint_name': 'ep', 'status': {'ready': false,"
        + " 'detailed_state': 'PROVISIONING_INITIAL_SNAPSHOT'}}");
    enqueueJson("{'name': '" + INDEX + "', 'status': {'ready': false, 'detailed_state': 'PROVISIONING_INITIAL_SNAPSHOT'}}");
    enqueueJson("{'name': '" + INDEX + "', 'status': {'ready': true, 'detailed_state': 'ONLINE_NO_PENDING_UPDATE',"
        + " 'indexed_row_count': 42}}");
    List<String> seen = new ArrayList<>();

    VectorIndexHandle handle = vs.createIndex(NewVectorIndex.builder().name(INDEX).endpointName("ep").primaryKey("id")
        .sourceTable("main.docs.source").addColumnsToSync("id", "text")
        .addEmbeddingSources(EmbeddingSource.of("text", Optional.of("databricks-gte-large-en")))
        .build());
    handle.addListener(i -> seen.add(VectorIndexHandle.rawState(i)));
    VectorIndex ready = handle.await();

    assertEquals(Optional.of(42L), ready.status().flatMap(s -> s.indexedRowCount()));
    assertEquals(IndexState.ONLINE_NO_PENDING_UPDATE, handle.status());
    assertEquals(List.of("PROVISIONING_INITIAL_SNAPSHOT", "ONLINE_NO_PENDING_UPDATE"), seen);
    take("POST", "/api/2.0/vector-search/indexes", "{'name': '" + INDEX + "', 'endpoint_name': 'ep',"
        + " 'primary_key': 'id', 'index_type': 'DELTA_SYNC', 'delta_sync_index_spec': {'source_table': 'main.docs.source',"
        + " 'pipeline_type': 'TRIGGERED', 'columns_to_sync': ['id', 'text'], 'embedding_source_columns':"
        + " [{'name': 'text', 'embedding_model_endpoint_name': 'databricks-gte-large-en'}]}}");
    take("GET", "/api/2.0/vector-search/indexes/" + INDEX, null);
    take("GET", "/api/2.0/vector-search/indexes/" + INDEX, null);
  }

  @Test
  void createDirectAccessIndexBody() throws Exception {
    enqueueJson("{'name': '" + INDEX + "', 'status': {'ready': true}}");

    VectorIndex index = vs.createIndex(NewVectorIndex.builder().name(INDEX).endpointName("ep").primaryKey("id")
        .addEmbeddingVectors(EmbeddingVector.of("v", 3)).schemaJson("{\"id\":\"long\",\"v\":\"array<float>\"}")
        .build()).await();

    assertTrue(index.isReady());
    take("POST", "/api/2.0/vector-search/indexes", "{'name': '" + INDEX + "', 'endpoint_name': 'ep',"
        + " 'primary_key': 'id', 'index_type': 'DIRECT_ACCESS', 'direct_access_index_spec': {"
        + "'embedding_vector_columns': [{'name': 'v', 'embedding_dimension': 3}],"
        + " 'schema_json': '{\\\"id\\\":\\\"long\\\",\\\"v\\\":\\\"array<float>\\\"}'}}");
    assertEquals(1, server.getRequestCount(), "ready at create: no poll");
  }

  @Test
  void aFailedIndexEndsTheWaitTyped() {
    enqueueJson("{'name': '" + INDEX + "', 'status': {'ready': false, 'detailed_state': 'OFFLINE_FAILED',"
        + " 'message': 'source table is gone'}}");

    VectorIndexFailedException e = assertThrows(VectorIndexFailedException.class, () -> vs.handle(INDEX).await());

    assertTrue(e.getMessage().contains("source table is gone"), e.getMessage());
    assertEquals(INDEX, e.operationId());
  }

  @Test
  void waitingForAnIndexEndsAtTheTimeout() {
    VectorSearchClient quick = VectorSearchClient.create(db, VectorSearchOptions.builder()
        .indexReadyTimeout(Duration.ofMillis(1)).build());
    enqueueJson("{'name': '" + INDEX + "', 'status': {'ready': false, 'detailed_state': 'PROVISIONING'}}");

    assertThrows(OperationTimeoutException.class, () -> quick.handle(INDEX).await());
  }

  @Test
  void invalidIndexSpecsAreRefusedAtBuild() {
    NewVectorIndex.Builder base = NewVectorIndex.builder().name(INDEX).endpointName("ep").primaryKey("id");
    assertThrows(InvalidRequestException.class, () -> base.build());
    assertThrows(InvalidRequestException.class, () -> NewVectorIndex.builder().name(INDEX).endpointName("ep")
        .primaryKey("id").addEmbeddingVectors(EmbeddingVector.of("v", 2)).pipelineType("CONTINUOUS").build());
    assertThrows(InvalidRequestException.class, () -> vs.createIndex(NewVectorIndex.builder().name("not.three")
        .endpointName("ep").primaryKey("id").addEmbeddingVectors(EmbeddingVector.of("v", 2)).build()));
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void fullTextAndTheRerankerOnTheWire() throws Exception {
    enqueueJson(EMPTY_PAGE);

    vs.query(INDEX, byText().queryType(QueryType.FULL_TEXT).reranker(Reranker.of(List.of("text", "title"))).build());

    take("POST", QUERY, "{'columns': ['id'], 'query_text': 'red apples', 'query_type': 'FULL_TEXT',"
        + " 'reranker': {'model': 'databricks_reranker', 'parameters': {'columns_to_rerank': ['text', 'title']}}}");
    assertThrows(InvalidRequestException.class, () -> VectorQuery.builder().addColumns("id")
        .queryVector(new float[] {1f}).queryType(QueryType.FULL_TEXT).build());
    assertThrows(InvalidRequestException.class, () -> Reranker.of(List.of()));
  }

  @Test
  void theFilterSyntaxFollowsTheLookedUpEndpointTypeOncePerEndpoint() throws Exception {
    enqueueJson("{'name': '" + INDEX + "', 'endpoint_name': 'so-ep'}");
    enqueueJson("{'name': 'so-ep', 'endpoint_type': 'STORAGE_OPTIMIZED'}");
    enqueueJson(EMPTY_PAGE);
    enqueueJson(EMPTY_PAGE);

    vs.query(INDEX, byText().filters(Map.of("price <", 200)).build());
    vs.query(INDEX, byText().filterString("make IN ('a') AND price < 9").build());

    take("GET", "/api/2.0/vector-search/indexes/" + INDEX, null);
    take("GET", "/api/2.0/vector-search/endpoints/so-ep", null);
    take("POST", QUERY, "{'columns': ['id'], 'query_text': 'red apples', 'filters_json': 'price < 200'}");
    take("POST", QUERY, "{'columns': ['id'], 'query_text': 'red apples', 'filters_json': \"make IN ('a') AND price < 9\"}");
    assertEquals(4, server.getRequestCount(), "the endpoint type is remembered");
  }

  @Test
  void aFilterMapIsTranslatedForStorageOptimizedEndpoints() throws Exception {
    enqueueJson(EMPTY_PAGE);
    Map<String, Object> filters = new java.util.LinkedHashMap<>();
    filters.put("make", List.of("a", "o'neil"));
    filters.put("price >=", 1.5);
    filters.put("color NOT", "red");
    filters.put("new", true);

    vs.query(INDEX, byText().filters(filters).endpointType(EndpointType.STORAGE_OPTIMIZED).build());

    take("POST", QUERY, "{'columns': ['id'], 'query_text': 'red apples', 'filters_json':"
        + " \"make IN ('a', 'o''neil') AND price >= 1.5 AND color != 'red' AND new = TRUE\"}");
  }

  @Test
  void filtersWithoutAnExactStringFormAreRefusedBeforeSending() {
    VectorQuery like = byText().filters(Map.of("title LIKE", "app")).endpointType(EndpointType.STORAGE_OPTIMIZED).build();

    InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> vs.query(INDEX, like));
    assertTrue(e.getMessage().contains("filterString"), e.getMessage());
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void aFilterStringForAStandardEndpointIsRefusedBeforeTheQueryIsSent() throws Exception {
    enqueueJson("{'name': 'std', 'endpoint_type': 'STANDARD'}");

    CompletableFuture<?> f = vs.queryAsync(INDEX, byText().filterString("price < 3").endpointName("std").build());

    ExecutionException e = assertThrows(ExecutionException.class, () -> f.get(5, TimeUnit.SECONDS));
    assertTrue(e.getCause() instanceof InvalidRequestException, e.toString());
    assertTrue(e.getCause().getMessage().contains("STANDARD"), e.getCause().getMessage());
    take("GET", "/api/2.0/vector-search/endpoints/std", null);
    assertEquals(1, server.getRequestCount(), "the query itself was never sent");
  }

  @Test
  void aPassedEndpointTypeNeedsNoLookup() throws Exception {
    enqueueJson(EMPTY_PAGE);

    vs.query(INDEX, byText().filters(Map.of("id", 5)).endpointType(EndpointType.STANDARD).build());

    take("POST", QUERY, "{'columns': ['id'], 'query_text': 'red apples', 'filters_json': '{\\\"id\\\":5}'}");
    assertEquals(1, server.getRequestCount());
  }
}
