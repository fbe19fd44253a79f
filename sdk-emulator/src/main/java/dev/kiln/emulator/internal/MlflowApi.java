package dev.kiln.emulator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * MLflow 2.0 under {@code /api/2.0/mlflow}: experiments, runs, logging (metrics, params, tags, batches), metric
 * history, and the workspace model registry (both the Databricks {@code databricks/...} paths and the open-source
 * ones). Validation and error codes follow MLflow's server: INVALID_PARAMETER_VALUE for bad names, values,
 * batch sizes and a param re-logged with another value; RESOURCE_ALREADY_EXISTS (400) for taken names;
 * RESOURCE_DOES_NOT_EXIST (404) for unknown ids; INVALID_STATE for writes to deleted runs.
 */
final class MlflowApi implements WorkspaceApi {
  private static final String API = "/api/2.0/mlflow/";
  private static final int MAX_EXPERIMENTS_PAGE = 3000;
  private static final int MAX_RUNS_PAGE = 50000;
  private static final int MAX_HISTORY_PAGE = 25000;
  private static final int MAX_MODELS_PAGE = 1000;
  private static final int MAX_VERSIONS_PAGE = 10000;
  private static final Set<String> RUN_STATUSES = Set.of("RUNNING", "SCHEDULED", "FINISHED", "FAILED", "KILLED");

  private final MlflowTracking tracking;
  private final MlflowRegistry registry;

  MlflowApi(MlflowTracking tracking, MlflowRegistry registry) {
    this.tracking = tracking;
    this.registry = registry;
  }

  @Override
  public void register(Router router) {
    router.post(API + "experiments/create", this::createExperiment);
    router.get(API + "experiments/get", r -> envelope("experiment", tracking.experimentJson(query(r, "experiment_id"))));
    router.get(API + "experiments/get-by-name",
        r -> envelope("experiment", tracking.experimentByNameJson(query(r, "experiment_name"))));
    router.post(API + "experiments/search", this::searchExperiments);
    router.post(API + "experiments/update", this::updateExperiment);
    router.post(API + "experiments/delete", r -> experimentStage(r, MlflowTracking.DELETED));
    router.post(API + "experiments/restore", r -> experimentStage(r, MlflowTracking.ACTIVE));

    router.post(API + "runs/create", this::createRun);
    router.get(API + "runs/get", r -> envelope("run", tracking.runJson(query(r, "run_id"))));
    router.post(API + "runs/search", this::searchRuns);
    router.post(API + "runs/update", this::updateRun);
    router.post(API + "runs/delete", r -> runStage(r, MlflowTracking.DELETED));
    router.post(API + "runs/restore", r -> runStage(r, MlflowTracking.ACTIVE));
    router.post(API + "runs/log-metric", this::logMetric);
    router.post(API + "runs/log-parameter", this::logParam);
    router.post(API + "runs/set-tag", this::setTag);
    router.post(API + "runs/log-batch", this::logBatch);
    router.get(API + "metrics/get-history", this::metricHistory);

    router.post(API + "registered-models/create", this::createModel);
    router.get(API + "databricks/registered-models/get",
        r -> envelope("registered_model_databricks", registry.modelJson(query(r, "name"), true)));
    router.get(API + "registered-models/get", r -> envelope("registered_model", registry.modelJson(query(r, "name"), false)));
    router.get(API + "registered-models/search", r -> Pages.reply(
        registry.searchModels(r.queryParam("filter").orElse(null), r.queryParams("order_by")),
        MlflowRules.maxResults(r.queryParam("max_results").orElse(null), MAX_MODELS_PAGE, 100),
        r.queryParam("page_token").orElse(null), "registered_models", Function.identity()));
    router.post(API + "registered-models/rename", r -> envelope("registered_model",
        registry.renameModel(body(r, "name"), body(r, "new_name"))));
    router.patch(API + "registered-models/update", r -> envelope("registered_model",
        registry.updateModel(body(r, "name"), MlflowRules.optional(r.json(), "description"))));
    router.delete(API + "registered-models/delete", r -> {
      registry.deleteModel(query(r, "name"));
      return Response.ok(Json.object());
    });

    router.post(API + "model-versions/create", this::createVersion);
    router.get(API + "model-versions/get", r -> envelope("model_version",
        registry.versionJson(query(r, "name"), query(r, "version"))));
    router.get(API + "model-versions/search", r -> Pages.reply(
        registry.searchVersions(r.queryParam("filter").orElse(null), r.queryParams("order_by")),
        MlflowRules.maxResults(r.queryParam("max_results").orElse(null), MAX_VERSIONS_PAGE, 10000),
        r.queryParam("page_token").orElse(null), "model_versions", Function.identity()));
    router.post(API + "databricks/model-versions/transition-stage", r -> transition(r, "model_version_databricks", true));
    router.post(API + "model-versions/transition-stage", r -> transition(r, "model_version", false));
    router.get(API + "model-versions/get-download-uri", r -> Response.ok(Json.object().put("artifact_uri",
        registry.downloadUri(query(r, "name"), query(r, "version")))));
  }

  // ---- experiments

  private Response createExperiment(Request r) {
    JsonNode body = r.json();
    String name = MlflowRules.optional(body, "name");
    if (name == null || name.isEmpty()) {
      throw ApiException.invalidParameter("Invalid experiment name: '" + (name == null ? "" : name) + "'");
    }
    checkExperimentName(name);
    String artifactLocation = MlflowRules.optional(body, "artifact_location");
    if (artifactLocation != null && artifactLocation.startsWith("runs:")) {
      throw ApiException.invalidParameter("Artifact location cannot be a runs:/ URI. Given: '" + artifactLocation + "'");
    }
    String id = tracking.createExperiment(name, artifactLocation, tags(body, MlflowRules.MAX_TAG_VALUE_LENGTH)).id;
    return Response.ok(Json.object().put("experiment_id", id));
  }

  /** Databricks keeps experiments in the workspace tree: a name is an absolute path. */
  private static void checkExperimentName(String name) {
    if (name.length() > MlflowRules.MAX_EXPERIMENT_NAME_LENGTH) {
      throw ApiException.invalidParameter("Experiment name exceeds the maximum length of "
          + MlflowRules.MAX_EXPERIMENT_NAME_LENGTH + " characters");
    }
    if (!name.startsWith("/")) {
      throw ApiException.invalidParameter("Got an invalid experiment name '" + name + "'. An experiment name must be an"
          + " absolute path within the Databricks workspace, e.g. '/Users/<some-username>/my-experiment'.");
    }
  }

  private Response searchExperiments(Request r) {
    JsonNode body = r.json();
    int pageSize = MlflowRules.maxResults(MlflowRules.optional(body, "max_results"), MAX_EXPERIMENTS_PAGE, 1000);
    List<ObjectNode> all = tracking.searchExperiments(MlflowRules.optional(body, "filter"), strings(body, "order_by"),
        MlflowRules.optional(body, "view_type"));
    return Pages.reply(all, pageSize, MlflowRules.optional(body, "page_token"), "experiments", Function.identity());
  }

  private Response updateExperiment(Request r) {
    String newName = body(r, "new_name");
    checkExperimentName(newName);
    tracking.renameExperiment(body(r, "experiment_id"), newName);
    return Response.ok(Json.object());
  }

  private Response experimentStage(Request r, String stage) {
    tracking.setExperimentStage(body(r, "experiment_id"), stage);
    return Response.ok(Json.object());
  }

  // ---- runs

  private Response createRun(Request r) {
    JsonNode body = r.json();
    JsonNode start = body.get("start_time");
    Long startTime = start == null || start.isNull() ? null : MlflowRules.timestamp(start, "start_time");
    MlflowTracking.Run run = tracking.createRun(body(r, "experiment_id"), MlflowRules.optional(body, "run_name"),
        startTime, tags(body, MlflowRules.MAX_TAG_VALUE_LENGTH));
    return envelope("run", tracking.runJson(run.id));
  }

  private Response searchRuns(Request r) {
    JsonNode body = r.json();
    List<String> experimentIds = strings(body, "experiment_ids");
    if (experimentIds.isEmpty()) {
      throw ApiException.invalidParameter("Missing value for required parameter 'experiment_ids'.");
    }
    int pageSize = MlflowRules.maxResults(MlflowRules.optional(body, "max_results"), MAX_RUNS_PAGE, 1000);
    List<ObjectNode> all = tracking.searchRuns(experimentIds, MlflowRules.optional(body, "filter"),
        strings(body, "order_by"), MlflowRules.optional(body, "run_view_type"));
    return Pages.reply(all, pageSize, MlflowRules.optional(body, "page_token"), "runs", Function.identity());
  }

  private Response updateRun(Request r) {
    JsonNode body = r.json();
    String runId = runId(body);
    String status = MlflowRules.optional(body, "status");
    if (status != null && !RUN_STATUSES.contains(status)) {
      throw ApiException.invalidParameter("Invalid value \"" + status + "\" for parameter 'status': use RUNNING,"
          + " SCHEDULED, FINISHED, FAILED or KILLED.");
    }
    JsonNode end = body.get("end_time");
    Long endTime = end == null || end.isNull() ? null : MlflowRules.timestamp(end, "end_time");
    return envelope("run_info", tracking.updateRun(runId, status, endTime, MlflowRules.optional(body, "run_name")));
  }

  private Response runStage(Request r, String stage) {
    tracking.setRunStage(runId(r.json()), stage);
    return Response.ok(Json.object());
  }

  /** {@code run_id}, or the older {@code run_uuid}. */
  private static String runId(JsonNode body) {
    String id = MlflowRules.optional(body, "run_id");
    return MlflowRules.required(id != null ? id : MlflowRules.optional(body, "run_uuid"), "run_id");
  }

  // ---- logging

  private Response logMetric(Request r) {
    JsonNode body = r.json();
    tracking.logMetrics(runId(body), List.of(metric(body)));
    return Response.ok(Json.object());
  }

  private static MlflowTracking.MetricPoint metric(JsonNode m) {
    String key = MlflowRules.key(MlflowRules.optional(m, "key"), "Metric");
    double value = MlflowRules.metricValue(m.get("value"), key);
    long timestamp = MlflowRules.timestamp(m.get("timestamp"), "timestamp");
    long step = MlflowRules.optionalLong(m.get("step"), "step", 0);
    return new MlflowTracking.MetricPoint(key, value, timestamp, step);
  }

  private Response logParam(Request r) {
    JsonNode body = r.json();
    String key = MlflowRules.key(MlflowRules.optional(body, "key"), "Param");
    String value = MlflowRules.maxLength(valueOf(body), "Param value", MlflowRules.MAX_PARAM_VALUE_LENGTH);
    tracking.logParamsAndTags(runId(body), Map.of(key, value), Map.of());
    return Response.ok(Json.object());
  }

  private Response setTag(Request r) {
    JsonNode body = r.json();
    String key = MlflowRules.key(MlflowRules.optional(body, "key"), "Tag");
    String value = MlflowRules.maxLength(valueOf(body), "Tag value", MlflowRules.MAX_TAG_VALUE_LENGTH);
    tracking.logParamsAndTags(runId(body), Map.of(), Map.of(key, value));
    return Response.ok(Json.object());
  }

  private Response logBatch(Request r) {
    JsonNode body = r.json();
    String runId = runId(body);
    JsonNode metrics = body.path("metrics");
    JsonNode params = body.path("params");
    JsonNode tags = body.path("tags");
    batchLimit("metrics", MlflowRules.MAX_METRICS_PER_BATCH, metrics.size());
    batchLimit("params", MlflowRules.MAX_PARAMS_TAGS_PER_BATCH, params.size());
    batchLimit("tags", MlflowRules.MAX_PARAMS_TAGS_PER_BATCH, tags.size());
    batchLimit("metrics, params, and tags", MlflowRules.MAX_ENTITIES_PER_BATCH, metrics.size() + params.size() + tags.size());
    int bytes = Json.bytes(body).length;
    if (bytes > MlflowRules.MAX_BATCH_REQUEST_BYTES) {
      throw ApiException.invalidParameter("Batched logging API requests must be at most "
          + MlflowRules.MAX_BATCH_REQUEST_BYTES + " bytes, got a request of size " + bytes + ".");
    }
    List<MlflowTracking.MetricPoint> points = new ArrayList<>();
    metrics.forEach(m -> points.add(metric(m)));
    Map<String, String> paramMap = new LinkedHashMap<>();
    Set<String> duplicates = new LinkedHashSet<>();
    for (JsonNode p : params) {
      String key = MlflowRules.key(MlflowRules.optional(p, "key"), "Param");
      if (paramMap.put(key, MlflowRules.maxLength(valueOf(p), "Param value", MlflowRules.MAX_PARAM_VALUE_LENGTH)) != null) {
        duplicates.add(key);
      }
    }
    if (!duplicates.isEmpty()) {
      throw ApiException.invalidParameter("Duplicate parameter keys have been submitted: " + duplicates
          + ". Please ensure the request contains only one param value per param key.");
    }
    Map<String, String> tagMap = new LinkedHashMap<>();
    for (JsonNode t : tags) {
      tagMap.put(MlflowRules.key(MlflowRules.optional(t, "key"), "Tag"),
          MlflowRules.maxLength(valueOf(t), "Tag value", MlflowRules.MAX_TAG_VALUE_LENGTH));
    }
    tracking.logParamsAndTags(runId, paramMap, tagMap);
    tracking.logMetrics(runId, points);
    return Response.ok(Json.object());
  }

  private static void batchLimit(String what, int limit, int count) {
    if (count > limit) {
      throw ApiException.invalidParameter("A batch logging request can contain at most " + limit + " " + what + ". Got "
          + count + " " + what + ". Please split up " + what + " across multiple requests and try again.");
    }
  }

  private Response metricHistory(Request r) {
    String runId = r.queryParam("run_id").orElseGet(() -> r.queryParam("run_uuid").orElse(null));
    List<ObjectNode> points = tracking.metricHistory(MlflowRules.required(runId, "run_id"), query(r, "metric_key"));
    int pageSize = MlflowRules.maxResults(r.queryParam("max_results").orElse(null), MAX_HISTORY_PAGE, MAX_HISTORY_PAGE);
    return Pages.reply(points, pageSize, r.queryParam("page_token").orElse(null), "metrics", Function.identity());
  }

  // ---- registry

  private Response createModel(Request r) {
    JsonNode body = r.json();
    String name = MlflowRules.optional(body, "name");
    if (name == null || name.isEmpty()) {
      throw ApiException.invalidParameter("Registered model name cannot be empty.");
    }
    return envelope("registered_model", registry.createModel(name, MlflowRules.optional(body, "description"),
        tags(body, MlflowRules.MAX_TAG_VALUE_LENGTH)));
  }

  private Response createVersion(Request r) {
    JsonNode body = r.json();
    return envelope("model_version", registry.createVersion(body(r, "name"), body(r, "source"),
        MlflowRules.optional(body, "run_id"), MlflowRules.optional(body, "run_link"),
        MlflowRules.optional(body, "description"), tags(body, MlflowRules.MAX_TAG_VALUE_LENGTH)));
  }

  /** Databricks requires {@code archive_existing_versions}; open-source MLflow defaults it to false. */
  private Response transition(Request r, String field, boolean databricks) {
    JsonNode body = r.json();
    JsonNode archive = body.get("archive_existing_versions");
    if (databricks && (archive == null || archive.isNull())) {
      throw ApiException.invalidParameter("Missing value for required parameter 'archive_existing_versions'.");
    }
    return envelope(field, registry.transition(body(r, "name"), body(r, "version"), body(r, "stage"),
        archive != null && archive.asBoolean(false)));
  }

  // ---- helpers

  private static Response envelope(String field, ObjectNode value) {
    ObjectNode json = Json.object();
    json.set(field, value);
    return Response.ok(json);
  }

  private static String query(Request r, String name) {
    return MlflowRules.required(r.queryParam(name).orElse(null), name);
  }

  private static String body(Request r, String name) {
    return MlflowRules.required(r.json(), name);
  }

  private static String valueOf(JsonNode item) {
    String value = MlflowRules.optional(item, "value");
    return value == null ? "" : value;
  }

  private static Map<String, String> tags(JsonNode body, int maxValueLength) {
    Map<String, String> tags = new LinkedHashMap<>();
    for (JsonNode t : body.path("tags")) {
      tags.put(MlflowRules.key(MlflowRules.optional(t, "key"), "Tag"),
          MlflowRules.maxLength(valueOf(t), "Tag value", maxValueLength));
    }
    return tags;
  }

  private static List<String> strings(JsonNode body, String field) {
    List<String> values = new ArrayList<>();
    body.path(field).forEach(v -> values.add(v.asText()));
    return values;
  }
}
