package dev.kiln.vectorsearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.vectorsearch.model.VectorMatch;
import dev.kiln.vectorsearch.model.VectorQuery;
import dev.kiln.vectorsearch.model.VectorQueryResult;
import dev.kiln.vectorsearch.model.WriteResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The README's Vector Search snippet, verbatim apart from the client set-up, run against MockWebServer. */
class ReadmeSnippetTest extends MockServerTest {
  @Test
  void readmeSnippetRuns() throws Exception {
    enqueueJson("{'manifest': {'columns': [{'name': 'id'}, {'name': 'text'}, {'name': 'score'}]},"
        + " 'result': {'row_count': 1, 'data_array': [['1', 'Vector Search overview', 0.87]]}}");
    enqueueJson("{'name': 'docs-endpoint', 'endpoint_type': 'STANDARD'}");
    enqueueJson("{'manifest': {'columns': [{'name': 'id'}, {'name': 'text'}, {'name': 'score'}]},"
        + " 'result': {'row_count': 1, 'data_array': [['1', 'Vector Search overview', 0.87]]}}");
    enqueueJson("{'status': 'SUCCESS', 'result': {'success_row_count': 1}}");

    // --- README snippet starts ---
    VectorSearchClient vs = VectorSearchClient.create(db);
    VectorQueryResult hits = vs.query("main.docs.en_wiki_index", VectorQuery.builder()
            .addColumns("id", "text").queryText("Databricks Vector Search").numResults(20).build());
    for (VectorMatch m : hits.matches()) { m.getString("text"); m.score(); }   // score = last column

    for (VectorMatch m : vs.queryAll("main.docs.en_wiki_index", VectorQuery.builder()   // every page, lazily
            .addColumns("id", "text").queryText("Databricks Vector Search")
            .filters(Map.of("id <", 5)).endpointName("docs-endpoint").build())) { m.getString("id"); }

    WriteResult w = vs.upsert("main.docs.direct_idx",
            List.of(Map.of("id", "7", "text", "hello", "embedding", List.of(0.1, 0.2))));
    w.orThrow();   // PARTIAL_SUCCESS / FAILURE come back as results; orThrow() -> VectorWriteException
    // --- README snippet ends ---

    assertEquals("Vector Search overview", hits.matches().get(0).getString("text"));
    assertEquals(0.87, hits.matches().get(0).score());
    assertTrue(w.isComplete());
    take("POST", "/api/2.0/vector-search/indexes/main.docs.en_wiki_index/query",
        "{'columns': ['id', 'text'], 'query_text': 'Databricks Vector Search', 'num_results': 20}");
    // a filtered query writes the filter in the endpoint's syntax: its type is looked up once
    take("GET", "/api/2.0/vector-search/endpoints/docs-endpoint", null);
    take("POST", "/api/2.0/vector-search/indexes/main.docs.en_wiki_index/query",
        "{'columns': ['id', 'text'], 'query_text': 'Databricks Vector Search', 'filters_json': '{\\\"id <\\\":5}'}");
    take("POST", "/api/2.0/vector-search/indexes/main.docs.direct_idx/upsert-data", null);
    assertEquals(4, server.getRequestCount());
  }
}
