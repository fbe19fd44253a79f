package dev.kiln.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.core.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** MLflow on the wire: MLflow's validation and error codes, batch limits, registration on the clock, serving. */
class MlflowApiTest {
  static final Duration REGISTRATION = Duration.ofSeconds(30);
  static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-02-01T08:00:00Z"));
  static final String API = "/api/2.0/mlflow/";
  static LocalWorkspace ws;
  static Wire wire;

  @BeforeAll
  static void start() {
    ws = LocalWorkspace.builder().clock(CLOCK).modelRegistrationTime(REGISTRATION).servingEndpointStartTime(Duration.ZERO).start();
    wire = new Wire(ws);
  }

  @AfterAll
  static void stop() {
    ws.close();
  }

  private static Wire.Reply post(String path, ObjectNode body) {
    return wire.post(API + path, body);
  }

  private static JsonNode ok(Wire.Reply reply) {
    assertEquals(200, reply.status, reply.body);
    return reply.json();
  }

  private static void fails(Wire.Reply reply, int status, String errorCode, String messagePart) {
    assertEquals(status, reply.status, reply.body);
    assertEquals(errorCode, reply.json().path("error_code").asText(), reply.body);
    assertTrue(reply.json().path("message").asText().contains(messagePart), reply.body);
  }

  private static String experiment() {
    return ok(post("experiments/create", Wire.object().put("name", "/Users/kiln@localhost/" + UUID.randomUUID())))
        .path("experiment_id").asText();
  }

  private static String run() {
    return ok(post("runs/create", Wire.object().put("experiment_id", experiment()))).at("/run/info/run_id").asText();
  }

  private static ObjectNode metric(String key, Object value, long timestamp) {
    ObjectNode m = Wire.object().put("key", key).put("timestamp", timestamp).put("step", 0);
    return value instanceof String ? m.put("value", (String) value) : m.put("value", ((Number) value).doubleValue());
  }

  @Test
  void experimentNamesAreUniqueAbsolutePaths() {
    String name = "/Users/kiln@localhost/unique-" + UUID.randomUUID();
    String id = ok(post("experiments/create", Wire.object().put("name", name))).path("experiment_id").asText();
    fails(post("experiments/create", Wire.object().put("name", name)), 400, "RESOURCE_ALREADY_EXISTS", "already exists");
    fails(post("experiments/create", Wire.object().put("name", "")), 400, "INVALID_PARAMETER_VALUE", "Invalid experiment name");
    fails(post("experiments/create", Wire.object().put("name", "relative")), 400, "INVALID_PARAMETER_VALUE", "absolute path");
    fails(wire.get(API + "experiments/get?experiment_id=999999"), 404, "RESOURCE_DOES_NOT_EXIST", "999999");
    JsonNode got = ok(wire.get(API + "experiments/get-by-name?experiment_name=" + name.replace("@", "%40")));
    assertEquals(id, got.at("/experiment/experiment_id").asText());
    assertEquals("active", got.at("/experiment/lifecycle_stage").asText());
  }

  @Test
  void deletingAnExperimentDeletesItsRunsAndRestoringRestoresThem() {
    String experimentId = experiment();
    String runId = ok(post("runs/create", Wire.object().put("experiment_id", experimentId))).at("/run/info/run_id").asText();
    ok(post("experiments/delete", Wire.object().put("experiment_id", experimentId)));
    assertEquals("deleted", ok(wire.get(API + "runs/get?run_id=" + runId)).at("/run/info/lifecycle_stage").asText());
    fails(post("runs/log-metric", metric("rmse", 1.0, 1).put("run_id", runId)), 400, "INVALID_STATE", "active");
    fails(post("runs/create", Wire.object().put("experiment_id", experimentId)), 400, "INVALID_STATE", "active");
    fails(post("experiments/delete", Wire.object().put("experiment_id", experimentId)), 400, "INVALID_STATE", "already");
    ok(post("experiments/restore", Wire.object().put("experiment_id", experimentId)));
    ok(post("runs/log-metric", metric("rmse", 1.0, 1).put("run_id", runId)));
  }

  @Test
  void aParamIsWrittenOnceAndTheSameValueAgainIsFine() {
    String runId = run();
    ok(post("runs/log-parameter", Wire.object().put("run_id", runId).put("key", "alpha").put("value", "0.5")));
    ok(post("runs/log-parameter", Wire.object().put("run_id", runId).put("key", "alpha").put("value", "0.5")));
    fails(post("runs/log-parameter", Wire.object().put("run_id", runId).put("key", "alpha").put("value", "0.7")),
        400, "INVALID_PARAMETER_VALUE", "Changing param values is not allowed");
    fails(post("runs/log-parameter", Wire.object().put("run_id", runId).put("key", "bad!").put("value", "1")),
        400, "INVALID_PARAMETER_VALUE", "Invalid param name");
    fails(post("runs/log-parameter", Wire.object().put("run_id", "nope").put("key", "a").put("value", "1")),
        404, "RESOURCE_DOES_NOT_EXIST", "nope");
  }

  @Test
  void metricsKeepTheirHistoryIncludingNonFiniteValues() {
    String runId = run();
    ok(post("runs/log-metric", metric("rmse", 3.0, 1).put("run_id", runId)));
    ok(post("runs/log-metric", metric("rmse", "NaN", 2).put("run_id", runId).put("step", 1)));
    ok(post("runs/log-metric", metric("rmse", 1.0, 3).put("run_id", runId).put("step", 2)));
    fails(post("runs/log-metric", metric("rmse", 1.0, -1).put("run_id", runId)), 400, "INVALID_PARAMETER_VALUE", "timestamp");
    fails(post("runs/log-metric", metric("rmse", "high", 1).put("run_id", runId)), 400, "INVALID_PARAMETER_VALUE", "valid double");
    fails(post("runs/log-metric", Wire.object().put("run_id", runId).put("key", "x").put("value", 1)),
        400, "INVALID_PARAMETER_VALUE", "timestamp");

    JsonNode history = ok(wire.get(API + "metrics/get-history?run_id=" + runId + "&metric_key=rmse&max_results=2"));
    assertEquals(2, history.path("metrics").size());
    assertEquals("NaN", history.at("/metrics/1/value").asText());
    JsonNode rest = ok(wire.get(API + "metrics/get-history?run_id=" + runId + "&metric_key=rmse&page_token="
        + history.path("next_page_token").asText()));
    assertEquals(1.0, rest.at("/metrics/0/value").asDouble());
    JsonNode latest = ok(wire.get(API + "runs/get?run_id=" + runId)).at("/run/data/metrics/0");
    assertEquals(2, latest.path("step").asLong(), "the latest point is the highest step");
  }

  @Test
  void batchesOverTheLimitsAreRefusedWithMlflowsMessage() {
    String runId = run();
    ArrayNode metrics = Wire.JSON.createArrayNode();
    for (int i = 0; i < 1001; i++) {
      metrics.add(metric("m", i, 1));
    }
    ObjectNode tooMany = Wire.object().put("run_id", runId);
    tooMany.set("metrics", metrics);
    fails(post("runs/log-batch", tooMany), 400, "INVALID_PARAMETER_VALUE", "at most 1000 metrics");

    ArrayNode params = Wire.JSON.createArrayNode();
    for (int i = 0; i < 101; i++) {
      params.addObject().put("key", "p" + i).put("value", "v");
    }
    ObjectNode tooManyParams = Wire.object().put("run_id", runId);
    tooManyParams.set("params", params);
    fails(post("runs/log-batch", tooManyParams), 400, "INVALID_PARAMETER_VALUE", "at most 100 params");

    ObjectNode mixed = Wire.object().put("run_id", runId);
    ArrayNode some = mixed.putArray("metrics");
    for (int i = 0; i < 950; i++) {
      some.add(metric("m", i, 1));
    }
    ArrayNode tags = mixed.putArray("tags");
    for (int i = 0; i < 51; i++) {
      tags.addObject().put("key", "t" + i).put("value", "v");
    }
    fails(post("runs/log-batch", mixed), 400, "INVALID_PARAMETER_VALUE", "at most 1000 metrics, params, and tags");

    ObjectNode duplicate = Wire.object().put("run_id", runId);
    duplicate.putArray("params").add(Wire.object().put("key", "a").put("value", "1")).add(Wire.object().put("key", "a").put("value", "1"));
    fails(post("runs/log-batch", duplicate), 400, "INVALID_PARAMETER_VALUE", "Duplicate parameter keys");
    assertEquals(0, ok(wire.get(API + "runs/get?run_id=" + runId)).at("/run/data/metrics").size(), "nothing was logged");
  }

  @Test
  void searchesFilterOrderAndPage() {
    String experimentId = experiment();
    List<String> ids = new ArrayList<>();
    for (double rmse : new double[] {0.9, 0.3, 0.6}) {
      String runId = ok(post("runs/create", Wire.object().put("experiment_id", experimentId))).at("/run/info/run_id").asText();
      ok(post("runs/log-metric", metric("rmse", rmse, 1).put("run_id", runId)));
      ids.add(runId);
    }
    ObjectNode search = Wire.object().put("filter", "metrics.rmse < 0.8").put("max_results", 1);
    search.putArray("experiment_ids").add(experimentId);
    search.putArray("order_by").add("metrics.rmse ASC");
    JsonNode first = ok(post("runs/search", search));
    assertEquals(ids.get(1), first.at("/runs/0/info/run_id").asText());
    JsonNode second = ok(post("runs/search", search.deepCopy().put("page_token", first.path("next_page_token").asText())));
    assertEquals(ids.get(2), second.at("/runs/0/info/run_id").asText());
    assertTrue(second.path("next_page_token").isMissingNode());
    fails(post("runs/search", search.deepCopy().put("filter", "metrics.rmse <")), 400, "INVALID_PARAMETER_VALUE", "filter");
  }

  @Test
  void aVersionIsReadyAfterTheRegistrationTimeAndCanBeServed() {
    String runId = run();
    ok(post("runs/log-parameter", Wire.object().put("run_id", runId).put("key", "coef.prev_month_wht").put("value", "2")));
    ok(post("runs/log-parameter", Wire.object().put("run_id", runId).put("key", "intercept").put("value", "10")));
    String model = "served_" + UUID.randomUUID().toString().replace("-", "");
    ok(post("registered-models/create", Wire.object().put("name", model)));
    fails(post("registered-models/create", Wire.object().put("name", model)), 400, "RESOURCE_ALREADY_EXISTS", model);
    JsonNode created = ok(post("model-versions/create",
        Wire.object().put("name", model).put("source", "runs:/" + runId + "/model").put("run_id", runId)));
    assertEquals("1", created.at("/model_version/version").asText());
    assertEquals("PENDING_REGISTRATION", created.at("/model_version/status").asText());
    fails(post("databricks/model-versions/transition-stage", Wire.object().put("name", model).put("version", "1")
        .put("stage", "Production")), 400, "INVALID_PARAMETER_VALUE", "archive_existing_versions");

    CLOCK.advance(REGISTRATION);
    assertEquals("READY", ok(wire.get(API + "model-versions/get?name=" + model + "&version=1")).at("/model_version/status").asText());
    JsonNode promoted = ok(post("databricks/model-versions/transition-stage", Wire.object().put("name", model)
        .put("version", "1").put("stage", "production").put("archive_existing_versions", true)));
    assertEquals("Production", promoted.at("/model_version_databricks/current_stage").asText());
    fails(post("databricks/model-versions/transition-stage", Wire.object().put("name", model).put("version", "1")
        .put("stage", "Live").put("archive_existing_versions", false)), 400, "INVALID_PARAMETER_VALUE", "Invalid Model Version stage");

    ObjectNode endpoint = Wire.object().put("name", model.substring(0, 20));
    endpoint.putObject("config").putArray("served_entities").addObject().put("entity_name", model).put("entity_version", "1");
    ok(wire.post("/api/2.0/serving-endpoints", endpoint));
    ObjectNode rows = Wire.object();
    rows.putArray("dataframe_records").addObject().put("prev_month_wht", 5.0);
    JsonNode prediction = ok(wire.post("/serving-endpoints/" + model.substring(0, 20) + "/invocations", rows));
    assertEquals(20.0, prediction.at("/predictions/0").asDouble(), "intercept 10 + 2 × 5, from the run's params");
  }

  @Test
  void aSourceNamingAMissingRunFailsRegistrationWithAMessage() {
    String model = "failing_" + UUID.randomUUID().toString().replace("-", "");
    ok(post("registered-models/create", Wire.object().put("name", model)));
    ok(post("model-versions/create", Wire.object().put("name", model).put("source", "runs:/0123abcd/model")));
    fails(post("model-versions/create", Wire.object().put("name", model).put("source", "x").put("run_id", "missing")),
        404, "RESOURCE_DOES_NOT_EXIST", "missing");

    CLOCK.advance(REGISTRATION);
    JsonNode version = ok(wire.get(API + "model-versions/get?name=" + model + "&version=1")).path("model_version");
    assertEquals("FAILED_REGISTRATION", version.path("status").asText());
    assertTrue(version.path("status_message").asText().contains("0123abcd"), version.toString());
    fails(wire.get(API + "model-versions/get?name=" + model + "&version=7"), 404, "RESOURCE_DOES_NOT_EXIST", "version=7");
  }
}
