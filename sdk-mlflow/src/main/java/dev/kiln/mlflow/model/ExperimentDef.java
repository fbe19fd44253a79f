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
  /** The experiment's id ({@code experiment_id}), unique in the workspace. */
  @JsonProperty("experiment_id")
  public abstract String experimentId();

  /** On Databricks a workspace path, e.g. {@code /Users/me@example.com/forecasting}. */
  @JsonProperty("name")
  public abstract String name();

  /**
   * Where runs of this experiment store artifacts ({@code artifact_location}), e.g. a
   * {@code dbfs:/} URI.
   */
  @JsonProperty("artifact_location")
  public abstract Optional<String> artifactLocation();

  /** {@code lifecycle_stage} as sent ({@code active}, {@code deleted}). */
  @JsonProperty("lifecycle_stage")
  public abstract Optional<String> rawLifecycleStage();

  /** When the experiment was created ({@code creation_time}), milliseconds since the epoch. */
  @JsonProperty("creation_time")
  public abstract Optional<Long> creationTime();

  /** When the experiment last changed ({@code last_update_time}), milliseconds since the epoch. */
  @JsonProperty("last_update_time")
  public abstract Optional<Long> lastUpdateTime();

  /** The experiment's tags ({@code tags}); empty when it has none. */
  @JsonProperty("tags")
  public abstract List<Tag> tags();

  /**
   * Whether the experiment is active or deleted; {@link LifecycleStage#UNKNOWN} when absent or not
   * known to this SDK.
   */
  public LifecycleStage lifecycleStage() {
    return LifecycleStage.fromWire(rawLifecycleStage().orElse(null));
  }

  /** {@link #creationTime()} as an instant; empty when the server sent none. */
  public Optional<Instant> createdAt() {
    return creationTime().map(Instant::ofEpochMilli);
  }

  /** The tags as a map (the last value wins for a repeated key). */
  public Map<String, String> tagMap() {
    return Tags.toMap(tags());
  }
}
