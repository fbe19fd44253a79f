package dev.kiln.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Vector Search on the wire: endpoints, direct-access and delta-sync indexes, queries, paging, scans. */
class VectorSearchApiTest {
  private static final String PRODUCTS = "main.shop.products";
  private static final String INDEXES = "/api/2.0/vector-search/indexes/";

  static LocalWorkspace ws;
  static Wire wire;

  @BeforeAll
  static void start() {
    ws = LocalWorkspace.builder().vectorSearchPageSize(2).start();
    wire = new Wire(ws);
  }

  @AfterAll
  static void stop() {
    ws.close();
  }

  /** Six products in three directions of a 3-d space; recreated (empty) by each test that needs it. */
  private static void seedProducts() {
    ws.addDirectAccessIndex(DirectAccessIndexSpec.builder()
        .name(PRODUCTS).primaryKey("id").embeddingVectorColumn("embedding").embeddingDimension(3)
        .putSchema("id", "long").putSchema("title", "string").putSchema("category", "string")
        .putSchema("price", "double").putSchema("embedding", "array<float>")
        .build());
    ArrayNode rows = Wire.JSON.createArrayNode();
    row(rows, 1, "red apple", "fruit", 1.5, 1, 0, 0);
    row(rows, 2, "green apple", "fruit", 2.0, 0.9, 0.1, 0);
    row(rows, 3, "banana", "fruit", 0.5, 0.5, 0.5, 0);
    row(rows, 4, "red wine", "drink", 12.0, 0, 1, 0);
    row(rows, 5, "water", "drink", 1.0, 0, 0.2, 1);
    row(rows, 6, "bread", "bakery", 3.0, 0, 0, 1);
    JsonNode result = upsert(rows);
    assertEquals("SUCCESS", result.path("status").asText(), result.toString());
    assertEquals(6, result.at("/result/success_row_count").asInt());
  }

  private static void row(ArrayNode rows, long id, String title, String category, double price, double... vector) {
    ObjectNode row = rows.addObject().put("id", id).put("title", title).put("category", category).put("price", price);
    ArrayNode embedding = row.putArray("embedding");
    for (double v : vector) {
      embedding.add(v);
    }
  }

  private static JsonNode upsert(ArrayNode rows) {
    Wire.Reply reply = wire.post(INDEXES + PRODUCTS + "/upsert-data", Wire.object().put("inputs_json", rows.toString()));
    assertEquals(200, reply.status, reply.body);
    return reply.json();
  }

  @Test
  void endpointsAreOnlineAndListedInPages() {
    try (LocalWorkspace many = LocalWorkspace.start()) {
      for (int i = 0; i < 120; i++) {
        many.addVectorSearchEndpoint("endpoint-" + i);
      }
      Wire manyWire = new Wire(many);
      Set<String> names = new HashSet<>();
      String token = null;
      int pages = 0;
      do {
        JsonNode page = manyWire.get("/api/2.0/vector-search/endpoints" + (token == null ? "" : "?page_token=" + token)).json();
        page.path("endpoints").forEach(e -> names.add(e.path("name").asText()));
        token = page.has("next_page_token") ? page.path("next_page_token").asText() : null;
        pages++;
      } while (token != null);
      assertEquals(2, pages);
      assertEquals(121, names.size());
      assertTrue(names.contains(many.defaultVectorSearchEndpoint()));

      JsonNode one = manyWire.get("/api/2.0/vector-search/endpoints/endpoint-7").json();
      assertEquals("ONLINE", one.at("/endpoint_status/state").asText());
      assertEquals("STANDARD", one.path("endpoint_type").asText());
      assertEquals(404, manyWire.get("/api/2.0/vector-search/endpoints/nope").status);
    }
  }

  @Test
  void queriesRankByCosineSimilarityWithTheScoreLast() {
    seedProducts();
    JsonNode reply = query(Wire.object().put("num_results", 2)
        .set("query_vector", vector(1, 0, 0)));
    assertEquals(List.of("id", "title", "score"), columnNames(reply));
    assertEquals(3, reply.at("/manifest/column_count").asInt());
    assertEquals(2, reply.at("/result/row_count").asInt());
    JsonNode rows = reply.at("/result/data_array");
    assertEquals(1, rows.at("/0/0").asLong());
    assertEquals("red apple", rows.at("/0/1").asText());
    assertEquals(1.0, rows.at("/0/2").asDouble(), 1e-6, "identical direction scores (1 + cos) / 2 = 1");
    assertEquals(2, rows.at("/1/0").asLong());
    assertTrue(rows.at("/1/2").asDouble() < rows.at("/0/2").asDouble());

    JsonNode orthogonal = query(Wire.object().put("num_results", 10).put("filters_json", "{\"id\": 6}")
        .set("query_vector", vector(1, 0, 0)));
    assertEquals(0.5, orthogonal.at("/result/data_array/0/2").asDouble(), 1e-6, "orthogonal scores 0.5");
  }

  @Test
  void filtersSelectRows() {
    seedProducts();
    assertEquals(List.of(1L, 2L, 3L), ids(filtered("{\"category\": \"fruit\"}")));
    assertEquals(List.of(4L, 6L), ids(filtered("{\"id\": [4, 6]}")));
    assertEquals(List.of(3L, 5L), ids(filtered("{\"price <\": 1.5}")));
    assertEquals(List.of(1L, 3L, 5L), ids(filtered("{\"price <=\": 1.5}")));
    assertEquals(List.of(4L), ids(filtered("{\"price >\": 3}")));
    assertEquals(List.of(4L, 6L), ids(filtered("{\"price >=\": 3}")));
    assertEquals(List.of(4L, 5L, 6L), ids(filtered("{\"category NOT\": \"fruit\"}")));
    assertEquals(List.of(1L, 4L), ids(filtered("{\"title LIKE\": \"red\"}")));
    assertEquals(List.of(2L), ids(filtered("{\"title LIKE\": \"gr%e\", \"price >\": 1}")));
    assertEquals(List.of(3L, 5L, 6L), ids(filtered("{\"category OR title\": [\"bakery\", \"banana\", \"water\"]}")));

    Wire.Reply unknown = wire.post(INDEXES + PRODUCTS + "/query", base().put("filters_json", "{\"colour\": 1}"));
    assertEquals(400, unknown.status);
    Wire.Reply notAString = wire.post(INDEXES + PRODUCTS + "/query",
        base().set("filters_json", Wire.object().put("id", 1)));
    assertEquals(400, notAString.status);
    assertEquals("INVALID_PARAMETER_VALUE", notAString.json().path("error_code").asText());
  }

  @Test
  void scoreThresholdDropsWeakMatches() {
    seedProducts();
    JsonNode reply = queryAllPages(Wire.object().put("num_results", 10).put("score_threshold", 0.8)
        .set("query_vector", vector(1, 0, 0)));
    assertEquals(List.of(1L, 2L, 3L), ids(reply), "cos >= 0.6 only: the apples and the banana");
    reply.at("/result/data_array").forEach(row -> assertTrue(row.get(2).asDouble() >= 0.8));
  }

  @Test
  void hybridQueriesAddAKeywordScore() {
    seedProducts();
    // green apple (2) is slightly less similar than red apple (1) by vector, but matches the words
    ObjectNode hybrid = Wire.object().put("num_results", 2).put("query_type", "HYBRID").put("query_text", "green apple");
    hybrid.set("query_vector", vector(1, 0, 0));
    assertEquals(List.of(2L, 1L), ids(query(hybrid)));
    ObjectNode ann = hybrid.deepCopy().put("query_type", "ANN");
    assertEquals(List.of(1L, 2L), ids(query(ann)));
    Wire.Reply noText = wire.post(INDEXES + PRODUCTS + "/query",
        base().put("query_type", "HYBRID").set("query_vector", vector(1, 0, 0)));
    assertEquals(400, noText.status);
  }

  @Test
  void largeResultsComeInPagesWithNextPageTokens() {
    seedProducts();
    JsonNode first = query(Wire.object().put("num_results", 5).set("query_vector", vector(1, 0, 0)));
    List<JsonNode> rows = new ArrayList<>();
    first.at("/result/data_array").forEach(rows::add);
    assertEquals(2, first.at("/result/row_count").asInt());
    String token = first.path("next_page_token").asText();
    int pages = 1;
    while (!token.isEmpty()) {
      Wire.Reply next = wire.post(INDEXES + PRODUCTS + "/query-next-page",
          Wire.object().put("endpoint_name", ws.defaultVectorSearchEndpoint()).put("page_token", token));
      assertEquals(200, next.status, next.body);
      assertEquals(3, next.json().at("/manifest/column_count").asInt());
      next.json().at("/result/data_array").forEach(rows::add);
      token = next.json().path("next_page_token").asText("");
      pages++;
    }
    assertEquals(3, pages);
    assertEquals(5, rows.size());
    for (int i = 1; i < rows.size(); i++) {
      assertTrue(rows.get(i - 1).get(2).asDouble() >= rows.get(i).get(2).asDouble());
    }
    assertEquals(400, wire.post(INDEXES + PRODUCTS + "/query-next-page", Wire.object().put("page_token", "bogus")).status);
  }

  @Test
  void scanWalksTheRowsInPrimaryKeyOrder() {
    seedProducts();
    List<Long> ids = new ArrayList<>();
    String last = null;
    while (true) {
      ObjectNode body = Wire.object().put("num_results", 4);
      if (last != null) {
        body.put("last_primary_key", last);
      }
      Wire.Reply reply = wire.post(INDEXES + PRODUCTS + "/scan", body);
      assertEquals(200, reply.status, reply.body);
      JsonNode data = reply.json().path("data");
      if (data.isEmpty()) {
        break;
      }
      for (JsonNode row : data) {
        for (JsonNode field : row.path("fields")) {
          if (field.path("key").asText().equals("id")) {
            ids.add(field.at("/value/number_value").asLong());
          }
          if (field.path("key").asText().equals("title")) {
            assertTrue(field.at("/value/string_value").isTextual());
          }
          if (field.path("key").asText().equals("embedding")) {
            assertEquals(3, field.at("/value/list_value/values").size());
          }
        }
      }
      last = reply.json().path("last_primary_key").asText();
    }
    assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L), ids);
  }

  @Test
  void upsertReportsBadRowsAndDeleteRemovesRows() {
    seedProducts();
    ArrayNode rows = Wire.JSON.createArrayNode();
    row(rows, 7, "cheese", "dairy", 5.0, 0, 1, 1);
    row(rows, 8, "milk", "dairy", 1.2, 0, 1); // wrong dimension
    rows.addObject().put("title", "no key"); // no primary key
    row(rows, 9, "butter", "dairy", 2.0, 1, 1, 1);
    ((ObjectNode) rows.get(3)).put("colour", "yellow"); // not in the schema
    JsonNode partial = upsert(rows);
    assertEquals("PARTIAL_SUCCESS", partial.path("status").asText());
    assertEquals(1, partial.at("/result/success_row_count").asInt());
    assertEquals("[\"8\",\"9\"]", partial.at("/result/failed_primary_keys").toString());

    ArrayNode allBad = Wire.JSON.createArrayNode();
    row(allBad, 10, "x", "y", 1, 1);
    assertEquals("FAILURE", upsert(allBad).path("status").asText());

    assertEquals(7, indexedRows());
    Wire.Reply byBody = delete(INDEXES + PRODUCTS + "/delete-data", "{\"primary_keys\": [7, 6]}");
    assertEquals(200, byBody.status, byBody.body);
    assertEquals("SUCCESS", byBody.json().path("status").asText());
    Wire.Reply byQuery = delete(INDEXES + PRODUCTS + "/delete-data?primary_keys=5&primary_keys=4", "");
    assertEquals(200, byQuery.status, byQuery.body);
    assertEquals(3, indexedRows());
    assertEquals(List.of(1L, 2L, 3L), ids(filtered("{}")));
  }

  @Test
  void errorsNameTheProblem() {
    seedProducts();
    Wire.Reply unknown = wire.post(INDEXES + "main.shop.nope/query", base().set("query_vector", vector(1, 0, 0)));
    assertEquals(404, unknown.status);
    assertEquals("RESOURCE_DOES_NOT_EXIST", unknown.json().path("error_code").asText());
    Wire.Reply noColumns = wire.post(INDEXES + PRODUCTS + "/query", Wire.object().set("query_vector", vector(1, 0, 0)));
    assertEquals(400, noColumns.status);
    assertEquals("INVALID_PARAMETER_VALUE", noColumns.json().path("error_code").asText());
    Wire.Reply badColumn = wire.post(INDEXES + PRODUCTS + "/query",
        Wire.object().<ObjectNode>set("columns", Wire.JSON.createArrayNode().add("colour")).set("query_vector", vector(1, 0, 0)));
    assertEquals(400, badColumn.status);
    Wire.Reply wrongDimension = wire.post(INDEXES + PRODUCTS + "/query", base().set("query_vector", vector(1, 0)));
    assertEquals(400, wrongDimension.status);
    Wire.Reply textOnly = wire.post(INDEXES + PRODUCTS + "/query", base().put("query_text", "apple"));
    assertEquals(400, textOnly.status, "self-managed vectors need query_vector");
    assertThrows(IllegalStateException.class,
        () -> DirectAccessIndexSpec.builder().name("no_dots").primaryKey("id").embeddingVectorColumn("v")
            .embeddingDimension(2).build());
  }

  @Test
  void deltaSyncIndexesEmbedATableAndResync() {
    ws.sql().execute("CREATE TABLE bir_rulings (id INTEGER, ruling VARCHAR, year INTEGER);"
        + "INSERT INTO bir_rulings VALUES"
        + " (1, 'Withholding tax on compensation is due on the tenth day of the following month', 2023),"
        + " (2, 'VAT registration threshold for small businesses', 2022),"
        + " (3, 'Documentary stamp tax on loan agreements', 2023),"
        + " (4, 'Estate tax amnesty extended', 2021)");
    ws.addDeltaSyncIndex(DeltaSyncIndexSpec.builder()
        .name("main.bir.rulings_index").sourceTable("bir_rulings").primaryKey("id").embeddingSourceColumn("ruling")
        .build());

    JsonNode index = wire.get(INDEXES + "main.bir.rulings_index").json();
    assertEquals("DELTA_SYNC", index.path("index_type").asText());
    assertEquals("id", index.path("primary_key").asText());
    assertTrue(index.at("/status/ready").asBoolean());
    assertEquals(4, index.at("/status/indexed_row_count").asInt());
    assertEquals("bir_rulings", index.at("/delta_sync_index_spec/source_table").asText());
    assertEquals("databricks-bge-large-en",
        index.at("/delta_sync_index_spec/embedding_source_columns/0/embedding_model_endpoint_name").asText());

    ObjectNode question = Wire.object().put("query_text", "when is withholding tax on compensation due").put("num_results", 2);
    question.putArray("columns").add("id").add("ruling").add("year");
    JsonNode answer = wire.post(INDEXES + "main.bir.rulings_index/query", question).json();
    assertEquals(1, answer.at("/result/data_array/0/0").asInt(), answer.toString());
    assertEquals(2023, answer.at("/result/data_array/0/2").asInt());
    JsonNode filtered = wire.post(INDEXES + "main.bir.rulings_index/query",
        question.deepCopy().put("filters_json", "{\"year <\": 2023}")).json();
    filtered.at("/result/data_array").forEach(row -> assertTrue(row.get(2).asInt() < 2023));

    ws.sql().execute("INSERT INTO bir_rulings VALUES (5, 'Withholding tax on rentals', 2024)");
    assertEquals(4, wire.get(INDEXES + "main.bir.rulings_index").json().at("/status/indexed_row_count").asInt());
    ws.syncIndex("main.bir.rulings_index");
    assertEquals(5, wire.get(INDEXES + "main.bir.rulings_index").json().at("/status/indexed_row_count").asInt());

    JsonNode listed = wire.get("/api/2.0/vector-search/indexes?endpoint_name=" + ws.defaultVectorSearchEndpoint()).json();
    List<String> names = new ArrayList<>();
    listed.path("vector_indexes").forEach(i -> names.add(i.path("name").asText()));
    assertTrue(names.contains("main.bir.rulings_index"), names.toString());
    assertEquals(400, wire.get("/api/2.0/vector-search/indexes").status);
    assertEquals(400, wire.post(INDEXES + "main.bir.rulings_index/upsert-data",
        Wire.object().put("inputs_json", "[]")).status);
    assertThrows(IllegalArgumentException.class, () -> ws.addDeltaSyncIndex(DeltaSyncIndexSpec.builder()
        .name("main.bir.broken").sourceTable("bir_rulings").primaryKey("id").embeddingSourceColumn("nope").build()));
    assertFalse(names.contains("main.bir.broken"));
  }

  // ---- helpers

  private static ObjectNode base() {
    ObjectNode body = Wire.object();
    body.putArray("columns").add("id").add("title");
    return body;
  }

  private static JsonNode query(ObjectNode extra) {
    ObjectNode body = base();
    body.setAll(extra);
    Wire.Reply reply = wire.post(INDEXES + PRODUCTS + "/query", body);
    assertEquals(200, reply.status, reply.body);
    return reply.json();
  }

  /** The first page with the rows of all later pages added to its data_array. */
  private static JsonNode queryAllPages(ObjectNode extra) {
    JsonNode first = query(extra);
    ArrayNode rows = (ArrayNode) first.at("/result/data_array");
    String token = first.path("next_page_token").asText("");
    while (!token.isEmpty()) {
      JsonNode next = wire.post(INDEXES + PRODUCTS + "/query-next-page", Wire.object().put("page_token", token)).json();
      rows.addAll((ArrayNode) next.at("/result/data_array"));
      token = next.path("next_page_token").asText("");
    }
    return first;
  }

  /** Every row passing the filter, in primary-key order. */
  private static JsonNode filtered(String filtersJson) {
    // a zero query vector scores every row 0.5, so the stable sort keeps primary-key order
    return queryAllPages(Wire.object().put("num_results", 100).put("filters_json", filtersJson)
        .set("query_vector", vector(0, 0, 0)));
  }

  private static List<Long> ids(JsonNode reply) {
    List<Long> ids = new ArrayList<>();
    reply.at("/result/data_array").forEach(row -> ids.add(row.get(0).asLong()));
    return ids;
  }

  private static List<String> columnNames(JsonNode reply) {
    List<String> names = new ArrayList<>();
    reply.at("/manifest/columns").forEach(c -> names.add(c.path("name").asText()));
    return names;
  }

  private static ArrayNode vector(double... values) {
    ArrayNode vector = Wire.JSON.createArrayNode();
    for (double v : values) {
      vector.add(v);
    }
    return vector;
  }

  private static int indexedRows() {
    return wire.get(INDEXES + PRODUCTS).json().at("/status/indexed_row_count").asInt();
  }

  private static Wire.Reply delete(String path, String body) {
    return Wire.send(wire.authorized(path).method("DELETE", body.isEmpty()
        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)).build());
  }
}
