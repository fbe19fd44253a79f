package dev.kiln.emulator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The workspace model registry: registered models, their numbered versions and stages. A new version is
 * PENDING_REGISTRATION until the workspace clock has passed its registration time, then READY — or
 * FAILED_REGISTRATION when its source is {@code runs:/<run_id>/...} and that run does not exist or is deleted.
 *
 * <p>A READY version can be served ({@link #servedModel}): its predictor is a linear regression whose
 * coefficients are the producing run's params {@code intercept} and {@code coef.<column>}; a version whose run
 * logged no {@code coef.*} params gets the generic model that answers by request shape.
 */
final class MlflowRegistry {
  static final List<String> STAGES = List.of("None", "Staging", "Production", "Archived");

  private final Clock clock;
  private final Duration registrationTime;
  private final MlflowTracking tracking;
  private final Map<String, Model> models = new TreeMap<>();

  MlflowRegistry(Clock clock, Duration registrationTime, MlflowTracking tracking) {
    this.clock = clock;
    this.registrationTime = registrationTime;
    this.tracking = tracking;
  }

  private static final class Model {
    String name;
    final String id = Ids.hex32();
    String description = "";
    final long creationTimestamp;
    long lastUpdatedTimestamp;
    final Map<String, String> tags = new LinkedHashMap<>();
    final TreeMap<Integer, Version> versions = new TreeMap<>();
    int nextVersion = 1;

    Model(String name, long now) {
      this.name = name;
      this.creationTimestamp = now;
      this.lastUpdatedTimestamp = now;
    }
  }

  private final class Version {
    final Model model;
    final int version;
    final String source;
    final String runId;
    final String runLink;
    final String description;
    final long creationTimestamp;
    long lastUpdatedTimestamp;
    String stage = "None";
    final Map<String, String> tags = new LinkedHashMap<>();
    final long readyAt;
    final String failure;

    Version(Model model, int version, String source, String runId, String runLink, String description, long now,
        String failure) {
      this.model = model;
      this.version = version;
      this.source = source;
      this.runId = runId;
      this.runLink = runLink;
      this.description = description;
      this.creationTimestamp = now;
      this.lastUpdatedTimestamp = now;
      this.readyAt = now + registrationTime.toMillis();
      this.failure = failure;
    }

    String status() {
      if (clock.millis() < readyAt) {
        return "PENDING_REGISTRATION";
      }
      return failure == null ? "READY" : "FAILED_REGISTRATION";
    }

    ObjectNode toJson() {
      String status = status();
      ObjectNode json = Json.object();
      json.put("name", model.name);
      json.put("version", String.valueOf(version));
      json.put("creation_timestamp", creationTimestamp);
      json.put("last_updated_timestamp", lastUpdatedTimestamp);
      json.put("user_id", LocalIdentity.USER_NAME);
      json.put("current_stage", stage);
      json.put("description", description);
      json.put("source", source);
      if (runId != null) {
        json.put("run_id", runId);
      }
      if (runLink != null) {
        json.put("run_link", runLink);
      }
      json.put("status", status);
      json.put("status_message", status.equals("FAILED_REGISTRATION") ? failure
          : status.equals("READY") ? "" : "Copying the model's artifacts to the registry");
      MlflowTracking.putTags(json, tags);
      return json;
    }

    Optional<Object> field(String field) {
      switch (field) {
        case "name": return Optional.of(model.name);
        case "version": case "version_number": return Optional.of((double) version);
        case "run_id": return Optional.ofNullable(runId);
        case "source": case "source_path": return Optional.of(source);
        case "current_stage": return Optional.of(stage);
        case "creation_timestamp": return Optional.of((double) creationTimestamp);
        case "last_updated_timestamp": return Optional.of((double) lastUpdatedTimestamp);
        default: break;
      }
      if (field.startsWith("tags.")) {
        return Optional.ofNullable(tags.get(field.substring(5)));
      }
      throw ApiException.invalidParameter("Invalid attribute key '" + field + "' for model versions; use name, run_id,"
          + " source_path, version_number or tags.<key>.");
    }
  }

  private ObjectNode modelJson(Model m, boolean databricks) {
    ObjectNode json = Json.object();
    json.put("name", m.name);
    if (databricks) {
      json.put("id", m.id);
      json.put("permission_level", "CAN_MANAGE");
    }
    json.put("creation_timestamp", m.creationTimestamp);
    json.put("last_updated_timestamp", m.lastUpdatedTimestamp);
    json.put("user_id", LocalIdentity.USER_NAME);
    json.put("description", m.description);
    ArrayNode latest = json.putArray("latest_versions");
    for (String stage : STAGES) {
      m.versions.descendingMap().values().stream().filter(v -> v.stage.equals(stage)).findFirst()
          .ifPresent(v -> latest.add(v.toJson()));
    }
    MlflowTracking.putTags(json, m.tags);
    return json;
  }

  private static Optional<Object> modelField(Model m, String field) {
    switch (field) {
      case "name": return Optional.of(m.name);
      case "creation_timestamp": return Optional.of((double) m.creationTimestamp);
      case "last_updated_timestamp": case "timestamp": return Optional.of((double) m.lastUpdatedTimestamp);
      default: break;
    }
    if (field.startsWith("tags.")) {
      return Optional.ofNullable(m.tags.get(field.substring(5)));
    }
    throw ApiException.invalidParameter("Invalid attribute key '" + field + "' for registered models; use name or tags.<key>.");
  }

  // ---- registered models

  synchronized ObjectNode createModel(String name, String description, Map<String, String> tags) {
    if (models.containsKey(name)) {
      throw MlflowRules.alreadyExists("Registered Model (name=" + name + ") already exists.");
    }
    Model m = new Model(name, clock.millis());
    if (description != null) {
      m.description = description;
    }
    m.tags.putAll(tags);
    models.put(name, m);
    return modelJson(m, false);
  }

  synchronized ObjectNode modelJson(String name, boolean databricks) {
    return modelJson(model(name), databricks);
  }

  synchronized List<ObjectNode> searchModels(String filter, List<String> orderBy) {
    Predicate<Model> matches = MlflowFilter.parse(filter, MlflowRegistry::modelField);
    Comparator<Model> order = MlflowFilter.order(orderBy, MlflowRegistry::modelField, Comparator.comparing(m -> m.name));
    List<ObjectNode> result = new ArrayList<>();
    models.values().stream().filter(matches).sorted(order).forEach(m -> result.add(modelJson(m, false)));
    return result;
  }

  synchronized ObjectNode renameModel(String name, String newName) {
    Model m = model(name);
    if (models.containsKey(newName)) {
      throw MlflowRules.alreadyExists("Registered Model (name=" + newName + ") already exists.");
    }
    models.remove(name);
    m.name = newName;
    m.lastUpdatedTimestamp = clock.millis();
    models.put(newName, m);
    return modelJson(m, false);
  }

  synchronized ObjectNode updateModel(String name, String description) {
    Model m = model(name);
    m.description = description == null ? "" : description;
    m.lastUpdatedTimestamp = clock.millis();
    return modelJson(m, false);
  }

  synchronized void deleteModel(String name) {
    model(name);
    models.remove(name);
  }

  private Model model(String name) {
    Model m = models.get(name);
    if (m == null) {
      throw ApiException.notFound("Registered Model with name=" + name + " not found");
    }
    return m;
  }

  // ---- versions

  synchronized ObjectNode createVersion(String name, String source, String runId, String runLink, String description,
      Map<String, String> tags) {
    Model m = model(name);
    if (runId != null && tracking.lifecycleStage(runId).isEmpty()) {
      throw ApiException.notFound("Run '" + runId + "' not found");
    }
    Version v = new Version(m, m.nextVersion++, source, runId, runLink, description == null ? "" : description,
        clock.millis(), failureOf(source));
    v.tags.putAll(tags);
    m.versions.put(v.version, v);
    m.lastUpdatedTimestamp = v.creationTimestamp;
    return v.toJson();
  }

  /** Why registering {@code source} will fail, or null: a {@code runs:/} source must name an active run. */
  private String failureOf(String source) {
    if (!source.startsWith("runs:/")) {
      return null;
    }
    String rest = source.substring("runs:/".length());
    String runId = rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest;
    Optional<String> stage = tracking.lifecycleStage(runId);
    if (stage.isEmpty()) {
      return "Unable to copy the model's artifacts from '" + source + "': run '" + runId + "' does not exist.";
    }
    if (!stage.get().equals(MlflowTracking.ACTIVE)) {
      return "Unable to copy the model's artifacts from '" + source + "': run '" + runId + "' is deleted.";
    }
    return null;
  }

  synchronized ObjectNode versionJson(String name, String version) {
    return version(name, version).toJson();
  }

  synchronized List<ObjectNode> searchVersions(String filter, List<String> orderBy) {
    Predicate<Version> matches = MlflowFilter.parse(filter, Version::field);
    Comparator<Version> order = MlflowFilter.order(orderBy, Version::field,
        Comparator.<Version, String>comparing(v -> v.model.name).thenComparing(v -> -v.version));
    List<ObjectNode> result = new ArrayList<>();
    models.values().stream().flatMap(m -> m.versions.values().stream()).filter(matches).sorted(order)
        .forEach(v -> result.add(v.toJson()));
    return result;
  }

  /** Moves a version to {@code stage} (any case); with {@code archiveExisting} the others in that stage go to Archived. */
  synchronized ObjectNode transition(String name, String version, String stage, boolean archiveExisting) {
    String canonical = STAGES.stream().filter(s -> s.equalsIgnoreCase(stage)).findFirst().orElseThrow(() ->
        ApiException.invalidParameter("Invalid Model Version stage: " + stage + ". Value must be one of None, Staging,"
            + " Production, Archived."));
    Version v = version(name, version);
    if (!v.status().equals("READY")) {
      throw ApiException.invalidState("Model version " + version + " of '" + name + "' is " + v.status()
          + "; only a READY version can change stage.");
    }
    long now = clock.millis();
    if (archiveExisting && (canonical.equals("Staging") || canonical.equals("Production"))) {
      for (Version other : v.model.versions.values()) {
        if (other != v && other.stage.equals(canonical)) {
          other.stage = "Archived";
          other.lastUpdatedTimestamp = now;
        }
      }
    }
    v.stage = canonical;
    v.lastUpdatedTimestamp = now;
    return v.toJson();
  }

  synchronized String downloadUri(String name, String version) {
    Version v = version(name, version);
    return "dbfs:/databricks/mlflow-registry/" + v.model.id + "/models/" + v.version + "/model";
  }

  /**
   * The predictor of a READY version, for a serving endpoint's served entity; empty when {@code name} is not a
   * registered model (the endpoint then serves something else), an error when the version is missing or not READY.
   */
  synchronized Optional<Function<JsonNode, JsonNode>> servedModel(String name, String version) {
    Model m = models.get(name);
    if (m == null) {
      return Optional.empty();
    }
    Version v = version(name, version);
    if (!v.status().equals("READY")) {
      throw ApiException.invalidParameter("Model version " + version + " of '" + name + "' is " + v.status()
          + "; only a READY version can be served.");
    }
    Map<String, String> params = v.runId == null ? Map.of() : tracking.params(v.runId).orElse(Map.of());
    Map<String, Double> coefficients = new LinkedHashMap<>();
    double intercept = 0;
    for (Map.Entry<String, String> p : params.entrySet()) {
      try {
        if (p.getKey().startsWith("coef.")) {
          coefficients.put(p.getKey().substring(5), Double.parseDouble(p.getValue()));
        } else if (p.getKey().toLowerCase(Locale.ROOT).equals("intercept")) {
          intercept = Double.parseDouble(p.getValue());
        }
      } catch (NumberFormatException notANumber) {
        // a param that is not a number is not a coefficient
      }
    }
    return Optional.of(coefficients.isEmpty() ? BuiltInModels.byRequestShape() : new LinearRegressionModel(intercept, coefficients));
  }

  private Version version(String name, String version) {
    Model m = model(name);
    Version v;
    try {
      v = m.versions.get(Integer.parseInt(version));
    } catch (NumberFormatException e) {
      throw ApiException.invalidParameter("Model version must be an integer, got '" + version + "'");
    }
    if (v == null) {
      throw ApiException.notFound("Model Version (name=" + name + ", version=" + version + ") not found");
    }
    return v;
  }
}
