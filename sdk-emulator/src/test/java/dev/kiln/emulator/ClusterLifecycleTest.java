package dev.kiln.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.core.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Clusters API beyond start/restart/delete: create, edit, resize, permanent-delete, catalogs and events. */
class ClusterLifecycleTest {
  static final Duration START = Duration.ofMinutes(2);
  static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-02-01T08:00:00Z"));
  static LocalWorkspace ws;
  static Wire wire;

  @BeforeAll
  static void start() {
    ws = LocalWorkspace.builder().clock(CLOCK).clusterStartTime(START).start();
    wire = new Wire(ws);
  }

  @AfterAll
  static void stop() {
    ws.close();
  }

  static ObjectNode spec(String name) {
    ObjectNode spec = Wire.object().put("cluster_name", name).put("spark_version", "15.4.x-scala2.12")
        .put("node_type_id", "i3.xlarge").put("autotermination_minutes", 30);
    spec.putObject("custom_tags").put("team", "tax");
    spec.putObject("autoscale").put("min_workers", 1).put("max_workers", 4);
    return spec;
  }

  JsonNode get(String id) {
    Wire.Reply r = wire.get("/api/2.1/clusters/get?cluster_id=" + id);
    assertEquals(200, r.status, r.body);
    return r.json();
  }

  String create(String name) {
    Wire.Reply r = wire.post("/api/2.1/clusters/create", spec(name));
    assertEquals(200, r.status, r.body);
    return r.json().path("cluster_id").asText();
  }

  @Test
  void createdClusterIsPendingThenRunsWithItsSpec() {
    String id = create("etl");
    JsonNode pending = get(id);
    assertEquals("PENDING", pending.path("state").asText());
    assertEquals("tax", pending.at("/custom_tags/team").asText());
    assertEquals(4, pending.at("/autoscale/max_workers").asInt());
    assertEquals(30, pending.path("autotermination_minutes").asInt());
    assertEquals("API", pending.path("cluster_source").asText());

    CLOCK.advance(START);
    assertEquals("RUNNING", get(id).path("state").asText());
  }

  @Test
  void editRestartsARunningClusterAndIsRefusedWhileItStarts() {
    String id = create("to-edit");
    Wire.Reply early = wire.post("/api/2.1/clusters/edit", spec("edited").put("cluster_id", id));
    assertEquals(400, early.status);
    assertEquals("INVALID_STATE", early.json().path("error_code").asText());

    CLOCK.advance(START);
    ObjectNode edited = spec("edited").put("cluster_id", id).put("num_workers", 3);
    edited.remove("autoscale");
    assertEquals(200, wire.post("/api/2.1/clusters/edit", edited).status);
    JsonNode restarting = get(id);
    assertEquals("RESTARTING", restarting.path("state").asText());
    assertEquals("edited", restarting.path("cluster_name").asText());
    assertEquals(3, restarting.path("num_workers").asInt());
    assertTrue(restarting.path("autoscale").isMissingNode());
    CLOCK.advance(START);
    assertEquals("RUNNING", get(id).path("state").asText());
  }

  @Test
  void editKeepsATerminatedClusterTerminated() {
    ws.addCluster("0201-000000-edittrm1", "stopped", ClusterState.TERMINATED);
    ObjectNode edited = spec("renamed").put("cluster_id", "0201-000000-edittrm1");
    assertEquals(200, wire.post("/api/2.1/clusters/edit", edited).status);
    JsonNode c = get("0201-000000-edittrm1");
    assertEquals("TERMINATED", c.path("state").asText());
    assertEquals("renamed", c.path("cluster_name").asText());
  }

  @Test
  void resizeGoesThroughResizingAndOnlyFromRunning() {
    String id = create("resize");
    Wire.Reply notYet = wire.post("/api/2.1/clusters/resize", Wire.object().put("cluster_id", id).put("num_workers", 2));
    assertEquals("INVALID_STATE", notYet.json().path("error_code").asText());
    CLOCK.advance(START);

    assertEquals(200, wire.post("/api/2.1/clusters/resize", Wire.object().put("cluster_id", id).put("num_workers", 5)).status);
    assertEquals("RESIZING", get(id).path("state").asText());
    CLOCK.advance(START);
    JsonNode resized = get(id);
    assertEquals("RUNNING", resized.path("state").asText());
    assertEquals(5, resized.path("num_workers").asInt());

    Wire.Reply both = wire.post("/api/2.1/clusters/resize", Wire.object().put("cluster_id", id).put("num_workers", 1)
        .set("autoscale", Wire.object().put("min_workers", 1).put("max_workers", 2)));
    assertEquals(400, both.status);
    assertEquals("INVALID_PARAMETER_VALUE", both.json().path("error_code").asText());
  }

  @Test
  void badSpecsAreInvalidParameters() {
    List<ObjectNode> bad = new ArrayList<>();
    bad.add(spec("x").put("autotermination_minutes", 5));
    bad.add(spec("x").put("num_workers", 2));
    bad.add(spec("x").put("data_security_mode", "SINGLE_USER"));
    bad.add(spec("x").put("data_security_mode", "NOT_A_MODE"));
    ObjectNode noVersion = spec("x");
    noVersion.remove("spark_version");
    bad.add(noVersion);
    ObjectNode spot = spec("x");
    spot.putObject("azure_attributes").put("spot_bid_max_price", 0);
    bad.add(spot);
    for (ObjectNode body : bad) {
      Wire.Reply r = wire.post("/api/2.1/clusters/create", body);
      assertEquals(400, r.status, body.toString());
      assertEquals("INVALID_PARAMETER_VALUE", r.json().path("error_code").asText(), body.toString());
    }
  }

  @Test
  void permanentDeleteForgetsTheCluster() {
    String id = create("gone");
    assertEquals(200, wire.post("/api/2.1/clusters/permanent-delete", Wire.object().put("cluster_id", id)).status);
    assertEquals(400, wire.get("/api/2.1/clusters/get?cluster_id=" + id).status);
    for (JsonNode c : wire.get("/api/2.1/clusters/list").json().path("clusters")) {
      assertFalse(c.path("cluster_id").asText().equals(id));
    }
  }

  @Test
  void listFiltersByState() {
    ws.addCluster("0201-000000-filter01", "filter-me", ClusterState.TERMINATED);
    JsonNode terminated = wire.get("/api/2.1/clusters/list?filter_by.cluster_states=TERMINATED").json();
    assertTrue(terminated.path("clusters").size() >= 1);
    terminated.path("clusters").forEach(c -> assertEquals("TERMINATED", c.path("state").asText()));
    assertEquals(400, wire.get("/api/2.1/clusters/list?filter_by.cluster_states=NAPPING").status);
  }

  @Test
  void sparkVersionsAndNodeTypes() {
    JsonNode versions = wire.get("/api/2.1/clusters/spark-versions").json();
    assertTrue(versions.path("versions").size() > 0);
    JsonNode nodes = wire.get("/api/2.1/clusters/list-node-types").json();
    assertEquals("i3.xlarge", nodes.at("/node_types/0/node_type_id").asText());
  }

  @Test
  void eventsAreNewestFirstFilteredAndPaged() {
    String id = create("events");
    CLOCK.advance(START);
    get(id);
    wire.post("/api/2.1/clusters/delete", Wire.object().put("cluster_id", id));
    CLOCK.advance(START);

    JsonNode all = wire.post("/api/2.1/clusters/events", Wire.object().put("cluster_id", id)).json();
    List<String> types = new ArrayList<>();
    all.path("events").forEach(e -> types.add(e.path("type").asText()));
    assertEquals(List.of("TERMINATING", "RUNNING", "CREATING"), types);

    ObjectNode firstPage = Wire.object().put("cluster_id", id).put("page_size", 2).put("order", "ASC");
    JsonNode page1 = wire.post("/api/2.1/clusters/events", firstPage).json();
    assertEquals(2, page1.path("events").size());
    assertEquals("CREATING", page1.at("/events/0/type").asText());
    JsonNode page2 = wire.post("/api/2.1/clusters/events",
        firstPage.deepCopy().put("page_token", page1.path("next_page_token").asText())).json();
    assertEquals(1, page2.path("events").size());
    assertFalse(page2.has("next_page_token"));

    ObjectNode onlyRunning = Wire.object().put("cluster_id", id);
    onlyRunning.putArray("event_types").add("RUNNING");
    assertEquals(1, wire.post("/api/2.1/clusters/events", onlyRunning).json().path("events").size());
  }
}
