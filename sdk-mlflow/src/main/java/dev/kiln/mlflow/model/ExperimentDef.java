package dev.kiln.mlflow.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/** An MLflow experiment as {@code experiments/get} and {@code experiments/search} describe it. */
@Value.Immutable
@JsonSerialize(as = Experiment.class)
@JsonDeserialize(as = Experiment.class)
abstract class ExperimentDef {
  @JsonProperty("experiment_id")
  public abstract String experimentId();

  /** On Databricks a workspace path, e.g. {@code /Users/me@example.com/forecasting}. */
  @JsonProperty("name")
  public abstract String name();

  @JsonProperty("artifact_location")
  public abstract Optional<String> artifactLocation();

  /** {@code lifecycle_stage} as sent ({@code active}, {@code deleted}). */
  @JsonProperty("lifecycle_stage")
  public abstract Optional<String> rawLifecycleStage();

  @JsonProperty("creation_time")
  public abstract Optional<Long> creationTime();

  @JsonProperty("last_update_time")
  public abstract Optional<Long> lastUpdateTime();

  @JsonProperty("tags")
  public abstract List<Tag> tags();

  public LifecycleStage lifecycleStage() {
    return LifecycleStage.fromWire(rawLifecycleStage().orElse(null));
  }

  public Optional<Instant> createdAt() {
    return creationTime().map(Instant::ofEpochMilli);
  }

  /** The tags as a map (the last value wins for a repeated key). */
  public Map<String, String> tagMap() {
    return Tags.toMap(tags());
  }
}
