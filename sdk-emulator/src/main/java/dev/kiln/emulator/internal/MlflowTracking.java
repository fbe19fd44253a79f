package dev.kiln.emulator.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * MLflow tracking state: experiments and their runs, each run's params, tags and full metric history. All methods
 * are synchronized on the store; entities never leave it except as JSON snapshots.
 */
final class MlflowTracking {
  static final String ACTIVE = "active";
  static final String DELETED = "deleted";

  private final Clock clock;
  private final Map<String, Experiment> experiments = new LinkedHashMap<>();
  private final Map<String, Run> runs = new LinkedHashMap<>();
  private long nextExperimentId = 1;

  MlflowTracking(Clock clock) {
    this.clock = clock;
  }

  static final class Experiment {
    final String id;
    String name;
    final String artifactLocation;
    String lifecycleStage = ACTIVE;
    final long creationTime;
    long lastUpdateTime;
    final Map<String, String> tags = new LinkedHashMap<>();

    Experiment(String id, String name, String artifactLocation, long now) {
      this.id = id;
      this.name = name;
      this.artifactLocation = artifactLocation;
      this.creationTime = now;
      this.lastUpdateTime = now;
    }

    ObjectNode toJson() {
      ObjectNode json = Json.object();
      json.put("experiment_id", id);
      json.put("name", name);
      json.put("artifact_location", artifactLocation);
      json.put("lifecycle_stage", lifecycleStage);
      json.put("creation_time", creationTime);
      json.put("last_update_time", lastUpdateTime);
      putTags(json, tags);
      return json;
    }

    Optional<Object> field(String field) {
      switch (field) {
        case "name": return Optional.of(name);
        case "experiment_id": return Optional.of(id);
        case "creation_time": return Optional.of((double) creationTime);
        case "last_update_time": return Optional.of((double) lastUpdateTime);
        default: break;
      }
      if (field.startsWith("tags.")) {
        return Optional.ofNullable(tags.get(field.substring(5)));
      }
      throw ApiException.invalidParameter("Invalid attribute key '" + field + "' for experiments; use name, tags.<key>,"
          + " creation_time or last_update_time.");
    }
  }

  static final class MetricPoint {
    final String key;
    final double value;
    final long timestamp;
    final long step;

    MetricPoint(String key, double value, long timestamp, long step) {
      this.key = key;
      this.value = value;
      this.timestamp = timestamp;
      this.step = step;
    }

    ObjectNode toJson() {
      return Json.object().put("key", key).put("value", value).put("timestamp", timestamp).put("step", step);
    }

    /** MLflow's "latest" point: the highest step, then timestamp, then value (NaN above all, as Python sorts it). */
    static final Comparator<MetricPoint> LATEST = Comparator.<MetricPoint>comparingLong(p -> p.step)
        .thenComparingLong(p -> p.timestamp).thenComparing(p -> p.value, Double::compare);
  }

  static final class Run {
    final String id;
    final String experimentId;
    String name;
    String status = "RUNNING";
    final long startTime;
    Long endTime;
    String lifecycleStage = ACTIVE;
    final Map<String, String> params = new LinkedHashMap<>();
    final Map<String, String> tags = new LinkedHashMap<>();
    final Map<String, List<MetricPoint>> metrics = new LinkedHashMap<>();

    Run(String id, String experimentId, String name, long startTime) {
      this.id = id;
      this.experimentId = experimentId;
      this.name = name;
      this.startTime = startTime;
    }

    String artifactUri() {
      return "dbfs:/databricks/mlflow-tracking/" + experimentId + "/" + id + "/artifacts";
    }

    ObjectNode infoJson() {
      ObjectNode info = Json.object();
      info.put("run_id", id);
      info.put("run_uuid", id);
      info.put("run_name", name);
      info.put("experiment_id", experimentId);
      info.put("user_id", LocalIdentity.USER_NAME);
      info.put("status", status);
      info.put("start_time", startTime);
      if (endTime != null) {
        info.put("end_time", endTime);
      }
      info.put("artifact_uri", artifactUri());
      info.put("lifecycle_stage", lifecycleStage);
      return info;
    }

    ObjectNode toJson() {
      ObjectNode json = Json.object();
      json.set("info", infoJson());
      ObjectNode data = json.putObject("data");
      ArrayNode latest = data.putArray("metrics");
      metrics.values().forEach(points -> latest.add(points.stream().max(MetricPoint.LATEST).orElseThrow().toJson()));
      ArrayNode paramList = data.putArray("params");
      params.forEach((k, v) -> paramList.addObject().put("key", k).put("value", v));
      putTags(data, tags);
      json.putObject("inputs");
      return json;
    }

    Optional<Object> field(String field) {
      switch (field) {
        case "status": return Optional.of(status);
        case "run_id": return Optional.of(id);
        case "run_name": return Optional.of(name);
        case "start_time": return Optional.of((double) startTime);
        case "end_time": return Optional.ofNullable(endTime).map(Long::doubleValue);
        case "user_id": return Optional.of(LocalIdentity.USER_NAME);
        case "artifact_uri": return Optional.of(artifactUri());
        default: break;
      }
      if (field.startsWith("metrics.")) {
        List<MetricPoint> points = metrics.get(field.substring(8));
        return points == null ? Optional.empty() : Optional.of(points.stream().max(MetricPoint.LATEST).orElseThrow().value);
      }
      if (field.startsWith("params.")) {
        return Optional.ofNullable(params.get(field.substring(7)));
      }
      if (field.startsWith("tags.")) {
        return Optional.ofNullable(tags.get(field.substring(5)));
      }
      throw ApiException.invalidParameter("Invalid attribute key '" + field + "' for runs; use metrics.<key>, params.<key>,"
          + " tags.<key> or attributes (status, run_name, start_time, end_time, run_id).");
    }
  }

  /** {@code "tags": [{key, value}]}, MLflow's shape of tags everywhere. */
  static void putTags(ObjectNode json, Map<String, String> tags) {
    ArrayNode list = json.putArray("tags");
    tags.forEach((k, v) -> list.addObject().put("key", k).put("value", v));
  }

  // ---- experiments

  synchronized Experiment createExperiment(String name, String artifactLocation, Map<String, String> tags) {
    for (Experiment e : experiments.values()) {
      if (e.name.equals(name)) {
        throw MlflowRules.alreadyExists("Experiment with name '" + name + "' already exists.");
      }
    }
    String id = String.valueOf(nextExperimentId++);
    String location = artifactLocation != null ? artifactLocation : "dbfs:/databricks/mlflow-tracking/" + id;
    Experiment e = new Experiment(id, name, location, clock.millis());
    e.tags.putAll(tags);
    experiments.put(id, e);
    return e;
  }

  synchronized ObjectNode experimentJson(String id) {
    return experiment(id).toJson();
  }

  synchronized ObjectNode experimentByNameJson(String name) {
    return experiments.values().stream().filter(e -> e.name.equals(name)).findFirst()
        .orElseThrow(() -> ApiException.notFound("Could not find experiment with name '" + name + "'"))
        .toJson();
  }

  synchronized List<ObjectNode> searchExperiments(String filter, List<String> orderBy, String viewType) {
    Predicate<Experiment> view = viewFilter(viewType, e -> e.lifecycleStage);
    Predicate<Experiment> matches = MlflowFilter.parse(filter, Experiment::field);
    Comparator<Experiment> order = MlflowFilter.order(orderBy, Experiment::field,
        Comparator.<Experiment>comparingLong(e -> -e.lastUpdateTime).thenComparing(e -> Long.parseLong(e.id)));
    List<ObjectNode> result = new ArrayList<>();
    experiments.values().stream().filter(view.and(matches)).sorted(order).forEach(e -> result.add(e.toJson()));
    return result;
  }

  synchronized void renameExperiment(String id, String newName) {
    Experiment e = experiment(id);
    if (!e.lifecycleStage.equals(ACTIVE)) {
      throw ApiException.invalidState("Cannot rename a non-active experiment.");
    }
    if (experiments.values().stream().anyMatch(other -> other != e && other.name.equals(newName))) {
      throw MlflowRules.alreadyExists("Experiment with name '" + newName + "' already exists.");
    }
    e.name = newName;
    e.lastUpdateTime = clock.millis();
  }

  synchronized void setExperimentStage(String id, String stage) {
    Experiment e = experiment(id);
    if (e.lifecycleStage.equals(stage)) {
      throw ApiException.invalidState("Cannot " + (stage.equals(DELETED) ? "delete" : "restore") + " experiment " + id
          + ": its lifecycle stage is already '" + stage + "'.");
    }
    e.lifecycleStage = stage;
    e.lastUpdateTime = clock.millis();
    // As MLflow's stores do: deleting an experiment deletes its runs, restoring it restores them.
    runs.values().stream().filter(r -> r.experimentId.equals(id)).forEach(r -> r.lifecycleStage = stage);
  }

  private Experiment experiment(String id) {
    Experiment e = experiments.get(id);
    if (e == null) {
      throw ApiException.notFound("No Experiment with id=" + id + " exists");
    }
    return e;
  }

  // ---- runs

  synchronized Run createRun(String experimentId, String name, Long startTime, Map<String, String> tags) {
    Experiment e = experiment(experimentId);
    if (!e.lifecycleStage.equals(ACTIVE)) {
      throw ApiException.invalidState("The experiment " + experimentId + " must be in the 'active' state. Current state is "
          + e.lifecycleStage + ".");
    }
    String id = Ids.hex32();
    String runName = name != null ? name : tags.getOrDefault("mlflow.runName", "kiln-run-" + id.substring(0, 8));
    Run run = new Run(id, experimentId, runName, startTime != null ? startTime : clock.millis());
    run.tags.putAll(tags);
    run.tags.put("mlflow.runName", runName);
    run.tags.putIfAbsent("mlflow.user", LocalIdentity.USER_NAME);
    runs.put(id, run);
    return run;
  }

  synchronized ObjectNode runJson(String runId) {
    return run(runId).toJson();
  }

  /** The run's params (write-once, so a copy is a faithful snapshot), or empty when there is no such run. */
  synchronized Optional<Map<String, String>> params(String runId) {
    Run run = runs.get(runId);
    return run == null ? Optional.empty() : Optional.of(new LinkedHashMap<>(run.params));
  }

  synchronized Optional<String> lifecycleStage(String runId) {
    return Optional.ofNullable(runs.get(runId)).map(r -> r.lifecycleStage);
  }

  synchronized List<ObjectNode> searchRuns(List<String> experimentIds, String filter, List<String> orderBy, String viewType) {
    Predicate<Run> view = viewFilter(viewType, r -> r.lifecycleStage);
    Predicate<Run> matches = MlflowFilter.parse(filter, Run::field);
    Comparator<Run> order = MlflowFilter.order(orderBy, Run::field,
        Comparator.<Run>comparingLong(r -> -r.startTime).thenComparing(r -> r.id));
    List<ObjectNode> result = new ArrayList<>();
    runs.values().stream().filter(r -> experimentIds.contains(r.experimentId)).filter(view.and(matches)).sorted(order)
        .forEach(r -> result.add(r.toJson()));
    return result;
  }

  synchronized ObjectNode updateRun(String runId, String status, Long endTime, String runName) {
    Run run = activeRun(runId);
    if (status != null) {
      run.status = status;
    }
    if (endTime != null) {
      run.endTime = endTime;
    }
    if (runName != null) {
      run.name = runName;
      run.tags.put("mlflow.runName", runName);
    }
    return run.infoJson();
  }

  synchronized void setRunStage(String runId, String stage) {
    run(runId).lifecycleStage = stage;
  }

  synchronized void logMetrics(String runId, List<MetricPoint> points) {
    Run run = activeRun(runId);
    points.forEach(p -> run.metrics.computeIfAbsent(p.key, k -> new ArrayList<>()).add(p));
  }

  /**
   * Logs params and tags after checking every param against the run's: a param is written once; the same value
   * again is fine, another is INVALID_PARAMETER_VALUE and nothing of the request is logged.
   */
  synchronized void logParamsAndTags(String runId, Map<String, String> params, Map<String, String> tags) {
    Run run = activeRun(runId);
    params.forEach((key, value) -> {
      String old = run.params.get(key);
      if (old != null && !old.equals(value)) {
        throw ApiException.invalidParameter("Changing param values is not allowed. Param with key='" + key
            + "' was already logged with value='" + old + "' for run ID='" + runId + "'. Attempted logging new value '"
            + value + "'.");
      }
    });
    run.params.putAll(params);
    run.tags.putAll(tags);
  }

  synchronized List<ObjectNode> metricHistory(String runId, String key) {
    List<ObjectNode> points = new ArrayList<>();
    run(runId).metrics.getOrDefault(key, List.of()).forEach(p -> points.add(p.toJson()));
    return points;
  }

  private Run run(String runId) {
    Run run = runs.get(runId);
    if (run == null) {
      throw ApiException.notFound("Run '" + runId + "' not found");
    }
    return run;
  }

  private Run activeRun(String runId) {
    Run run = run(runId);
    if (!run.lifecycleStage.equals(ACTIVE)) {
      throw ApiException.invalidState("The run " + runId + " must be in the 'active' state. Current state is "
          + run.lifecycleStage + ".");
    }
    return run;
  }

  private static <T> Predicate<T> viewFilter(String viewType, java.util.function.Function<T, String> stage) {
    String view = viewType == null || viewType.isEmpty() ? "ACTIVE_ONLY" : viewType;
    switch (view) {
      case "ACTIVE_ONLY": return t -> stage.apply(t).equals(ACTIVE);
      case "DELETED_ONLY": return t -> stage.apply(t).equals(DELETED);
      case "ALL": return t -> true;
      default: throw ApiException.invalidParameter("Invalid view type '" + viewType + "'; use ACTIVE_ONLY, DELETED_ONLY or ALL.");
    }
  }
}
