package dev.kiln.vectorsearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.core.DatabricksClient;
import dev.kiln.core.PagedIterable;
import dev.kiln.core.error.InternalErrorException;
import dev.kiln.core.error.InvalidRequestException;
import dev.kiln.core.testing.FakeSleeper;
import dev.kiln.core.testing.TestClients;
import dev.kiln.vectorsearch.model.EndpointType;
import dev.kiln.vectorsearch.model.QueryType;
import dev.kiln.vectorsearch.model.VectorMatch;
import dev.kiln.vectorsearch.model.VectorQuery;
import dev.kiln.vectorsearch.model.VectorQueryResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

class QueryTest extends MockServerTest {
  private static final String INDEX = "main.docs.en_wiki_index";
  private static final String QUERY_PATH = "/api/2.0/vector-search/indexes/main.docs.en_wiki_index/query";
  private static final String NEXT_PATH = "/api/2.0/vector-search/indexes/main.docs.en_wiki_index/query-next-page";

  private static String page(String rows, String nextToken) {
    return "{'manifest': {'column_count': 3, 'columns': [{'name': 'id'}, {'name': 'text'}, {'name': 'score'}]},"
        + " 'result': {'data_array': [" + rows + "]}"
        + (nextToken == null ? "" : ", 'next_page_token': '" + nextToken + "'") + "}";
  }

  @Test
  void readmeQuerySendsExactBodyAndDecodesMatchesWithScore() throws Exception {
    enqueueJson("{'manifest': {'column_count': 5, 'columns': [{'name': 'id'}, {'name': 'text'}, {'name': 'views'},"
        + " {'name': 'featured'}, {'name': 'score'}]},"
        + " 'result': {'row_count': 2, 'data_array': ["
        + "   [7, 'Vector search in Databricks', 1200, true, 0.91],"
        + "   [12, 'Delta tables', null, false, 0.5]]}}");

    VectorQueryResult hits = vs.query(INDEX, VectorQuery.builder()
        .addColumns("id", "text").queryText("Databricks Vector Search").numResults(20).build());

    take("POST", QUERY_PATH,
        "{'columns': ['id', 'text'], 'query_text': 'Databricks Vector Search', 'num_results': 20}");
    assertEquals(List.of("id", "text", "views", "featured", "score"), hits.columns());
    assertEquals(2, hits.rowCount());
    assertFalse(hits.nextPageToken().isPresent());
    VectorMatch first = hits.matches().get(0);
    assertEquals("Vector search in Databricks", first.getString("text"));
    assertEquals(7L, first.getLong("id"));
    assertEquals("7", first.getString("id"));
    assertEquals(1200.0, first.getDouble("views"));
    assertEquals(Boolean.TRUE, first.getBoolean("featured"));
    assertEquals(0.91, first.score());
    assertEquals(7, first.getObject("id"));
    assertTrue(first.getNode("text").isTextual());
    VectorMatch second = hits.matches().get(1);
    assertNull(second.getLong("views"));
    assertTrue(second.isNull("views"));
    assertEquals(Boolean.FALSE, second.getBoolean("featured"));
    assertEquals(0.5, second.score());
    assertThrows(IllegalArgumentException.class, () -> second.getString("missing"));
    assertThrows(IllegalArgumentException.class, () -> second.getLong("text"));
  }

  @Test
  void everyOptionIsWrittenToTheWireForm() throws Exception {
    enqueueJson(page("", null));
    Map<String, Object> filters = new LinkedHashMap<>();
    filters.put("id <", 5);
    filters.put("lang", List.of("en", "fr"));

    vs.query(INDEX, VectorQuery.builder()
        .addColumns("id", "text")
        .queryVector(new float[] {0.1f, -0.25f, 3f})
        .queryText("hybrid text")
        .filters(filters)
        .endpointType(EndpointType.STANDARD)
        .numResults(5)
        .queryType(QueryType.HYBRID)
        .scoreThreshold(0.4)
        .addColumnsToRerank("text")
        .build());

    RecordedRequest r = take("POST", QUERY_PATH,
        "{'columns': ['id', 'text'], 'query_text': 'hybrid text', 'query_vector': [0.1, -0.25, 3.0],"
            + " 'filters_json': '{\\\"id <\\\":5,\\\"lang\\\":[\\\"en\\\",\\\"fr\\\"]}',"
            + " 'num_results': 5, 'query_type': 'HYBRID', 'score_threshold': 0.4, 'columns_to_rerank': ['text']}");
    JsonNode body = bodyTree(r);
    // filters_json is a string holding JSON, not a nested object
    assertTrue(body.get("filters_json").isTextual());
    assertEquals(tree("{\"id <\": 5, \"lang\": [\"en\", \"fr\"]}"), tree(body.get("filters_json").textValue()));
    assertTrue(body.get("query_vector").get(0).isNumber());
    assertTrue(body.get("num_results").isInt());
  }

  @Test
  void rawFiltersJsonIsSentVerbatimAndDoubleVectorsAsNumbers() throws Exception {
    enqueueJson(page("", null));

    vs.query(INDEX, VectorQuery.builder()
        .addColumns("id")
        .queryVector(List.of(0.5d, 1.0d))
        .filtersJson("{\"id >=\": 3}")
        .endpointType(EndpointType.STANDARD)
        .build());

    JsonNode body = bodyTree(take("POST", QUERY_PATH,
        "{'columns': ['id'], 'query_vector': [0.5, 1.0], 'filters_json': '{\\\"id >=\\\": 3}'}"));
    assertEquals("{\"id >=\": 3}", body.get("filters_json").textValue());
  }

  @Test
  void queryAllFollowsNextPageTokensAcrossThreePages() throws Exception {
    enqueueJson(page("[1, 'a', 0.9], [2, 'b', 0.8]", "tok-1"));
    enqueueJson(page("[3, 'c', 0.7]", "tok-2"));
    enqueueJson(page("[4, 'd', 0.6]", null));
    VectorQuery query = VectorQuery.builder()
        .addColumns("id", "text").queryText("q").endpointName("vs-endpoint").build();

    PagedIterable<VectorMatch> all = vs.queryAll(INDEX, query);
    assertEquals(0, server.getRequestCount(), "lazy: nothing sent before iteration");
    List<Long> ids = new ArrayList<>();
    List<Double> scores = new ArrayList<>();
    for (VectorMatch m : all) {
      ids.add(m.getLong("id"));
      scores.add(m.score());
    }

    assertEquals(List.of(1L, 2L, 3L, 4L), ids);
    assertEquals(List.of(0.9, 0.8, 0.7, 0.6), scores);
    take("POST", QUERY_PATH, "{'columns': ['id', 'text'], 'query_text': 'q'}");
    take("POST", NEXT_PATH, "{'endpoint_name': 'vs-endpoint', 'page_token': 'tok-1'}");
    take("POST", NEXT_PATH, "{'endpoint_name': 'vs-endpoint', 'page_token': 'tok-2'}");
    assertEquals(3, server.getRequestCount());
  }

  @Test
  void queryAllLooksTheEndpointUpOnceWhenTheQueryDoesNotNameIt() throws Exception {
    enqueueJson(page("[1, 'a', 0.9]", "tok-1"));
    enqueueJson("{'name': 'main.docs.en_wiki_index', 'endpoint_name': 'found-endpoint', 'index_type': 'DELTA_SYNC'}");
    enqueueJson(page("[2, 'b', 0.8]", "tok-2"));
    enqueueJson(page("", null));

    List<VectorMatch> all = vs.queryAll(INDEX, VectorQuery.builder().addColumns("id", "text").queryText("q").build())
        .stream().collect(java.util.stream.Collectors.toList());

    assertEquals(2, all.size());
    take("POST", QUERY_PATH, "{'columns': ['id', 'text'], 'query_text': 'q'}");
    take("GET", "/api/2.0/vector-search/indexes/main.docs.en_wiki_index", null);
    take("POST", NEXT_PATH, "{'endpoint_name': 'found-endpoint', 'page_token': 'tok-1'}");
    take("POST", NEXT_PATH, "{'endpoint_name': 'found-endpoint', 'page_token': 'tok-2'}");
  }

  @Test
  void queryAllStartsOverOnEachIterationAndLooksTheEndpointUpOnlyOnce() throws Exception {
    PagedIterable<VectorMatch> all = vs.queryAll(INDEX, VectorQuery.builder().addColumns("id", "text").queryText("q").build());
    for (int round = 0; round < 2; round++) {
      enqueueJson(page("[1, 'a', 0.9]", "tok-1"));
      if (round == 0) {
        enqueueJson("{'name': 'main.docs.en_wiki_index', 'endpoint_name': 'ep'}");
      }
      enqueueJson(page("[2, 'b', 0.8]", null));

      assertEquals(2, all.stream().count(), "round " + round);

      take("POST", QUERY_PATH, "{'columns': ['id', 'text'], 'query_text': 'q'}");
      if (round == 0) {
        take("GET", "/api/2.0/vector-search/indexes/main.docs.en_wiki_index", null);
      }
      take("POST", NEXT_PATH, "{'endpoint_name': 'ep', 'page_token': 'tok-1'}");
    }
    assertEquals(5, server.getRequestCount());
  }

  @Test
  void singlePageQueryAllNeedsNoLookup() throws Exception {
    enqueueJson(page("[1, 'a', 0.9]", null));

    int count = 0;
    for (VectorMatch ignored : vs.queryAll(INDEX, VectorQuery.builder().addColumns("id").queryText("q").build())) {
      count++;
    }

    assertEquals(1, count);
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void queryNextPageSendsEndpointAndToken() throws Exception {
    enqueueJson(page("[9, 'z', 0.1]", "tok-3"));

    VectorQueryResult next = vs.queryNextPage(INDEX, "vs-endpoint", "tok-2");

    take("POST", NEXT_PATH, "{'endpoint_name': 'vs-endpoint', 'page_token': 'tok-2'}");
    assertEquals("tok-3", next.nextPageToken().orElseThrow());
    assertEquals(9L, next.matches().get(0).getLong("id"));
  }

  @Test
  void queriesAreRetriedOnServerErrorsBecauseTheyAreReads() throws Exception {
    enqueue(500, "{'error_code': 'INTERNAL_ERROR', 'message': 'boom'}");
    enqueueJson(page("[1, 'a', 0.9]", null));

    VectorQueryResult r = vs.query(INDEX, VectorQuery.builder().addColumns("id").queryText("q").build());

    assertEquals(1, r.matches().size());
    assertEquals(2, server.getRequestCount());
  }

  @Test
  void upsertIsNotRetriedOnServerErrors() {
    enqueue(500, "{'error_code': 'INTERNAL_ERROR', 'message': 'boom'}");

    assertThrows(InternalErrorException.class,
        () -> vs.upsert(INDEX, List.of(Map.of("id", "1"))));
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void asyncQueryCompletesWithTheResultAndFailsInsteadOfThrowingOnBadInput() throws Exception {
    enqueueJson(page("[1, 'a', 0.25]", null));

    VectorQueryResult r = vs.queryAsync(INDEX, VectorQuery.builder().addColumns("id").queryText("q").build()).join();
    assertEquals(0.25, r.matches().get(0).score());

    CompletableFuture<VectorQueryResult> bad =
        vs.queryAsync(" ", VectorQuery.builder().addColumns("id").queryText("q").build());
    CompletionException e = assertThrows(CompletionException.class, bad::join);
    assertTrue(e.getCause() instanceof InvalidRequestException);
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void clientSideValidationSendsNothing() {
    VectorQuery ok = VectorQuery.builder().addColumns("id").queryText("q").build();

    assertThrows(InvalidRequestException.class, () -> vs.query("", ok));
    assertThrows(InvalidRequestException.class, () -> vs.queryAll(null, ok));
    assertThrows(InvalidRequestException.class, () -> vs.queryNextPage(INDEX, "", "tok"));
    assertThrows(InvalidRequestException.class, () -> vs.queryNextPage(INDEX, "ep", null));
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void cancellingAnAsyncQueryCancelsTheCallItself() throws Exception {
    CompletableFuture<CompletableFuture<Void>> backingOff = new CompletableFuture<>();
    try (DatabricksClient client = TestClients.builder(server.url("/").toString(), new FakeSleeper())
        .sleeper(delay -> {
          CompletableFuture<Void> sleep = new CompletableFuture<>();
          backingOff.complete(sleep);
          return sleep;
        })
        .build()) {
      enqueue(500, "{'error_code': 'INTERNAL_ERROR'}");

      CompletableFuture<VectorQueryResult> result = VectorSearchClient.create(client)
          .queryAsync(INDEX, VectorQuery.builder().addColumns("id").queryText("q").build());
      CompletableFuture<Void> sleep = backingOff.get(5, TimeUnit.SECONDS); // a retry of the read is pending
      // The pipeline registers its retry on the backoff right after taking it from the sleeper.
      assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
        while (sleep.getNumberOfDependents() == 0) {
          Thread.onSpinWait();
        }
      });
      result.cancel(true);

      assertTrue(sleep.isCancelled(), "the retry was called off");
      assertEquals(1, server.getRequestCount());
    }
  }
}
