package dev.kiln.mlflow.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/** A run's metadata: ids, name, status, times and where its artifacts live. */
@Value.Immutable
@JsonSerialize(as = RunInfo.class)
@JsonDeserialize(as = RunInfo.class)
abstract class RunInfoDef {
  /** The run's id ({@code run_id}). */
  @JsonProperty("run_id")
  public abstract String runId();

  /** The experiment the run belongs to ({@code experiment_id}). */
  @JsonProperty("experiment_id")
  public abstract Optional<String> experimentId();

  /** The run's display name ({@code run_name}). */
  @JsonProperty("run_name")
  public abstract Optional<String> runName();

  /** Who started the run ({@code user_id}). */
  @JsonProperty("user_id")
  public abstract Optional<String> userId();

  /** {@code status} as sent, e.g. {@code RUNNING}. */
  @JsonProperty("status")
  public abstract Optional<String> rawStatus();

  /** Milliseconds since the epoch. */
  @JsonProperty("start_time")
  public abstract Optional<Long> startTime();

  /** Milliseconds since the epoch; absent while the run goes on. */
  @JsonProperty("end_time")
  public abstract Optional<Long> endTime();

  /**
   * The root URI of the run's artifacts ({@code artifact_uri}), e.g.
   * {@code dbfs:/databricks/mlflow-tracking/...}.
   */
  @JsonProperty("artifact_uri")
  public abstract Optional<String> artifactUri();

  /**
   * {@code lifecycle_stage} as sent ({@code active}, {@code deleted}); {@link #lifecycleStage()} is
   * its enum.
   */
  @JsonProperty("lifecycle_stage")
  public abstract Optional<String> rawLifecycleStage();

  /** The run's status; {@link RunStatus#UNKNOWN} when absent or not known to this SDK. */
  public RunStatus status() {
    return RunStatus.fromWire(rawStatus().orElse(null));
  }

  /**
   * Whether the run is active or deleted; {@link LifecycleStage#UNKNOWN} when absent or not known
   * to this SDK.
   */
  public LifecycleStage lifecycleStage() {
    return LifecycleStage.fromWire(rawLifecycleStage().orElse(null));
  }

  /** {@link #startTime()} as an instant; empty when the server sent none. */
  public Optional<Instant> startedAt() {
    return startTime().map(Instant::ofEpochMilli);
  }

  /** {@link #endTime()} as an instant; empty while the run goes on. */
  public Optional<Instant> endedAt() {
    return endTime().map(Instant::ofEpochMilli);
  }
}
