package dev.kiln.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.core.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Warehouse states on the workspace clock, statements on a stopped warehouse, and query history. */
class WarehousesAndHistoryTest {
  static final Duration START = Duration.ofSeconds(30);
  final MutableClock clock = new MutableClock(Instant.parse("2026-02-02T08:00:00Z"));
  LocalWorkspace ws;
  Wire wire;

  @BeforeEach
  void start() {
    ws = LocalWorkspace.builder().clock(clock).warehouseStartTime(START).start();
    wire = new Wire(ws);
  }

  @AfterEach
  void stop() {
    ws.close();
  }

  String state(String id) {
    return wire.get("/api/2.0/sql/warehouses/" + id).json().path("state").asText();
  }

  @Test
  void stopAndStartFollowTheClock() {
    String id = ws.defaultWarehouseId();
    assertEquals("RUNNING", state(id));
    assertEquals(200, wire.post("/api/2.0/sql/warehouses/" + id + "/stop", Wire.object()).status);
    assertEquals("STOPPING", state(id));
    clock.advance(START);
    assertEquals("STOPPED", state(id));
    assertEquals(200, wire.post("/api/2.0/sql/warehouses/" + id + "/stop", Wire.object()).status, "stop is idempotent");

    assertEquals(200, wire.post("/api/2.0/sql/warehouses/" + id + "/start", Wire.object()).status);
    assertEquals("STARTING", state(id));
    clock.advance(START.minusSeconds(1));
    assertEquals("STARTING", state(id));
    clock.advance(Duration.ofSeconds(1));
    JsonNode running = wire.get("/api/2.0/sql/warehouses/" + id).json();
    assertEquals("RUNNING", running.path("state").asText());
    assertEquals("HEALTHY", running.at("/health/status").asText());
    assertEquals(404, wire.get("/api/2.0/sql/warehouses/nope").status);
  }

  @Test
  void createEditAndList() {
    ObjectNode spec = Wire.object().put("name", "BI").put("cluster_size", "Small").put("auto_stop_mins", 15);
    Wire.Reply created = wire.post("/api/2.0/sql/warehouses", spec);
    assertEquals(200, created.status, created.body);
    String id = created.json().path("id").asText();
    assertEquals("STARTING", state(id));
    clock.advance(START);
    assertEquals("RUNNING", state(id));

    assertEquals(200, wire.post("/api/2.0/sql/warehouses/" + id + "/edit", spec.deepCopy().put("cluster_size", "Medium")).status);
    assertEquals("Medium", wire.get("/api/2.0/sql/warehouses/" + id).json().path("cluster_size").asText());

    Wire.Reply bad = wire.post("/api/2.0/sql/warehouses", spec.deepCopy().put("cluster_size", "Huge"));
    assertEquals(400, bad.status);
    assertEquals("INVALID_PARAMETER_VALUE", bad.json().path("error_code").asText());
    assertEquals(400, wire.post("/api/2.0/sql/warehouses", spec.deepCopy().put("auto_stop_mins", 5)).status);

    JsonNode page = wire.get("/api/2.0/sql/warehouses?page_size=1").json();
    assertEquals(1, page.path("warehouses").size());
    assertFalse(page.path("next_page_token").asText().isEmpty());
  }

  @Test
  void aStatementOnAStoppedWarehouseStartsItAndWaitsPending() {
    String id = ws.defaultWarehouseId();
    wire.post("/api/2.0/sql/warehouses/" + id + "/stop", Wire.object());
    clock.advance(START);

    Wire.Reply submitted = wire.post("/api/2.0/sql/statements/", Wire.statement(ws, "SELECT 42 AS answer"));
    assertEquals(200, submitted.status, submitted.body);
    assertEquals("PENDING", submitted.json().at("/status/state").asText());
    assertEquals("STARTING", state(id));
    String statementId = submitted.json().path("statement_id").asText();
    assertEquals("PENDING", wire.get("/api/2.0/sql/statements/" + statementId).json().at("/status/state").asText());

    clock.advance(START);
    wire.get("/api/2.0/sql/statements/" + statementId); // the first read after the start queues it
    assertEquals("SUCCEEDED", ws.awaitStatement(statementId, Wire.WAIT));
    JsonNode done = wire.get("/api/2.0/sql/statements/" + statementId).json();
    assertEquals("42", done.at("/result/data_array/0/0").asText());
  }

  @Test
  void historyListsTheStatementsRunNewestFirstWithFiltersAndPages() {
    ObjectNode tagged = Wire.statement(ws, "SELECT 1 AS one");
    tagged.putArray("query_tags").addObject().put("key", "team").put("value", "tax");
    String first = wire.post("/api/2.0/sql/statements/", tagged).json().path("statement_id").asText();
    clock.advance(Duration.ofSeconds(5));
    String failed = wire.post("/api/2.0/sql/statements/", Wire.statement(ws, "SELECT * FROM no_such_table"))
        .json().path("statement_id").asText();
    ws.awaitStatement(first, Wire.WAIT);
    ws.awaitStatement(failed, Wire.WAIT);

    JsonNode all = wire.get("/api/2.0/sql/history/queries?include_metrics=true").json();
    assertEquals(failed, all.at("/res/0/query_id").asText());
    assertEquals("FAILED", all.at("/res/0/status").asText());
    assertFalse(all.at("/res/0/error_message").asText().isEmpty());
    assertEquals(first, all.at("/res/1/query_id").asText());
    assertEquals("FINISHED", all.at("/res/1/status").asText());
    assertEquals("SELECT", all.at("/res/1/statement_type").asText());
    assertEquals(1, all.at("/res/1/rows_produced").asInt());
    assertEquals("tax", all.at("/res/1/query_tags/0/value").asText());
    assertTrue(all.at("/res/1/metrics").has("total_time_ms"));
    assertFalse(all.path("has_next_page").asBoolean());

    JsonNode onlyFinished = wire.get("/api/2.0/sql/history/queries?filter_by.statuses=FINISHED").json();
    assertEquals(1, onlyFinished.path("res").size());
    long firstStart = all.at("/res/1/query_start_time_ms").asLong();
    JsonNode window = wire.get("/api/2.0/sql/history/queries?filter_by.query_start_time_range.start_time_ms="
        + firstStart + "&filter_by.query_start_time_range.end_time_ms=" + (firstStart + 1)).json();
    assertEquals(first, window.at("/res/0/query_id").asText());
    assertEquals(1, window.path("res").size());
    assertEquals(0, wire.get("/api/2.0/sql/history/queries?filter_by.warehouse_ids=other").json().path("res").size());

    JsonNode page1 = wire.get("/api/2.0/sql/history/queries?max_results=1").json();
    assertTrue(page1.path("has_next_page").asBoolean());
    JsonNode page2 = wire.get("/api/2.0/sql/history/queries?max_results=1&page_token="
        + page1.path("next_page_token").asText()).json();
    assertEquals(first, page2.at("/res/0/query_id").asText());
    assertEquals(400, wire.get("/api/2.0/sql/history/queries?max_results=1000").status);

    ObjectNode badTag = Wire.statement(ws, "SELECT 1");
    badTag.putArray("query_tags").addObject().put("value", "no key");
    assertEquals(400, wire.post("/api/2.0/sql/statements/", badTag).status);
  }
}
