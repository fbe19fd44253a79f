package dev.kiln.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.core.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Storage-optimized endpoints and their string filters, FULL_TEXT, the reranker, PROVISIONING → ONLINE. */
class VectorSearchNewerApiTest {
  static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-02-01T09:00:00Z"));
  static final Duration PROVISIONING = Duration.ofMinutes(5);
  static final String BASE = "/api/2.0/vector-search";
  static final String STANDARD = "main.shop.standard";
  static final String OPTIMIZED = "main.shop.optimized";

  static LocalWorkspace ws;
  static Wire wire;

  @BeforeAll
  static void start() {
    ws = LocalWorkspace.builder().clock(CLOCK).vectorSearchProvisioningTime(PROVISIONING).start();
    wire = new Wire(ws);
    ws.addStorageOptimizedVectorSearchEndpoint("so-endpoint");
    seed(STANDARD, ws.defaultVectorSearchEndpoint());
    seed(OPTIMIZED, "so-endpoint");
  }

  @AfterAll
  static void stop() {
    ws.close();
  }

  private static void seed(String name, String endpoint) {
    ws.addDirectAccessIndex(DirectAccessIndexSpec.builder().name(name).endpointName(endpoint)
        .primaryKey("id").embeddingVectorColumn("v").embeddingDimension(2)
        .putSchema("id", "long").putSchema("title", "string").putSchema("price", "double").putSchema("v", "array<float>")
        .build());
    ArrayNode rows = Wire.JSON.createArrayNode();
    rows.addObject().put("id", 1).put("title", "red apple pie").put("price", 4.0).putArray("v").add(1).add(0);
    rows.addObject().put("id", 2).put("title", "green apple").put("price", 2.0).putArray("v").add(0.9).add(0.1);
    rows.addObject().put("id", 3).put("title", "banana bread").put("price", 3.0).putArray("v").add(0).add(1);
    rows.addObject().put("id", 4).put("title", "apple").put("price", 9.0).putArray("v").add(0.5).add(0.5);
    Wire.Reply reply = wire.post(BASE + "/indexes/" + name + "/upsert-data", Wire.object().put("inputs_json", rows.toString()));
    assertEquals(200, reply.status, reply.body);
  }

  private static Wire.Reply query(String index, ObjectNode extra) {
    ObjectNode body = Wire.object();
    body.putArray("columns").add("id").add("title");
    body.setAll(extra);
    return wire.post(BASE + "/indexes/" + index + "/query", body);
  }

  private static List<Long> ids(Wire.Reply reply) {
    assertEquals(200, reply.status, reply.body);
    List<Long> ids = new ArrayList<>();
    reply.json().at("/result/data_array").forEach(row -> ids.add(row.get(0).asLong()));
    return ids;
  }

  private static ObjectNode vector(double x, double y) {
    ObjectNode extra = Wire.object();
    extra.putArray("query_vector").add(x).add(y);
    return extra;
  }

  @Test
  void storageOptimizedEndpointsTakeOnlyTheStringSyntax() {
    assertEquals(List.of(1L, 3L), ids(query(OPTIMIZED, vector(1, 0).put("filters_json", "price >= 3 AND price < 5"))));
    assertEquals(List.of(2L, 4L), ids(query(OPTIMIZED,
        vector(1, 0).put("filters_json", "title IN ('green apple', 'apple') OR (id = 99)"))));
    assertEquals(List.of(1L, 3L), ids(query(OPTIMIZED, vector(1, 0).put("filters_json", "title NOT LIKE '%apple'"))));

    Wire.Reply json = query(OPTIMIZED, vector(1, 0).put("filters_json", "{\"price <\": 5}"));
    assertEquals(400, json.status);
    assertTrue(json.body.contains("SQL-like string"), json.body);
    Wire.Reply broken = query(OPTIMIZED, vector(1, 0).put("filters_json", "price <"));
    assertEquals(400, broken.status);
    assertTrue(broken.body.contains("Invalid filter string"), broken.body);
  }

  @Test
  void standardEndpointsRefuseTheStringSyntax() {
    assertEquals(List.of(2L), ids(query(STANDARD, vector(1, 0).put("filters_json", "{\"price <\": 3}"))));

    Wire.Reply sql = query(STANDARD, vector(1, 0).put("filters_json", "price < 3"));
    assertEquals(400, sql.status);
    assertTrue(sql.body.contains("STORAGE_OPTIMIZED"), sql.body);
  }

  @Test
  void fullTextMatchesKeywordsOnly() {
    ObjectNode fullText = Wire.object().put("query_type", "FULL_TEXT").put("query_text", "apple pie");

    assertEquals(List.of(1L, 2L, 4L).size(), ids(query(STANDARD, fullText)).size());
    assertEquals(1L, ids(query(STANDARD, fullText)).get(0), "both words beat one");
    assertEquals(400, query(STANDARD, Wire.object().put("query_type", "FULL_TEXT")).status);
    ObjectNode withVector = vector(1, 0).put("query_type", "FULL_TEXT").put("query_text", "apple");
    assertEquals(400, query(STANDARD, withVector).status);
  }

  @Test
  void theRerankerReordersByTheRerankColumns() {
    ObjectNode extra = vector(0, 1).put("query_text", "apple pie");
    extra.putObject("reranker").put("model", "databricks_reranker")
        .putObject("parameters").putArray("columns_to_rerank").add("title");

    assertEquals(3L, ids(query(STANDARD, vector(0, 1))).get(0), "without the reranker banana bread is closest");
    assertEquals(1L, ids(query(STANDARD, extra)).get(0));
    ((ObjectNode) extra.get("reranker")).put("model", "other");
    assertEquals(400, query(STANDARD, extra).status);
  }

  @Test
  void createdEndpointsAndIndexesProvisionOnTheClock() {
    Wire.Reply created = wire.post(BASE + "/endpoints",
        Wire.object().put("name", "fresh").put("endpoint_type", "STORAGE_OPTIMIZED"));
    assertEquals(200, created.status, created.body);
    assertEquals("PROVISIONING", created.json().at("/endpoint_status/state").asText());
    assertEquals("STORAGE_OPTIMIZED", created.json().path("endpoint_type").asText());
    ObjectNode index = Wire.object().put("name", "main.shop.fresh").put("endpoint_name", "fresh")
        .put("primary_key", "id").put("index_type", "DIRECT_ACCESS");
    index.putObject("direct_access_index_spec").putArray("embedding_vector_columns").addObject()
        .put("name", "v").put("embedding_dimension", 2);
    assertEquals(200, wire.post(BASE + "/indexes", index).status);

    JsonNode provisioning = wire.get(BASE + "/indexes/main.shop.fresh").json();
    assertFalse(provisioning.at("/status/ready").asBoolean());
    assertEquals("PROVISIONING_INITIAL_SNAPSHOT", provisioning.at("/status/detailed_state").asText());
    assertEquals(400, query("main.shop.fresh", vector(1, 0)).status);

    CLOCK.advance(PROVISIONING);
    assertEquals("ONLINE", wire.get(BASE + "/endpoints/fresh").json().at("/endpoint_status/state").asText());
    assertFalse(wire.get(BASE + "/indexes/main.shop.fresh").json().at("/status/ready").asBoolean(),
        "the index provisions after its endpoint");
    CLOCK.advance(PROVISIONING);
    JsonNode online = wire.get(BASE + "/indexes/main.shop.fresh").json();
    assertTrue(online.at("/status/ready").asBoolean());
    assertEquals("ONLINE_NO_PENDING_UPDATE", online.at("/status/detailed_state").asText());
    assertEquals(400, wire.post(BASE + "/endpoints", Wire.object().put("name", "x").put("endpoint_type", "HUGE")).status);
  }
}
