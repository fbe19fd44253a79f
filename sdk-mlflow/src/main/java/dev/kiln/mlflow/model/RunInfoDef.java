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
  @JsonProperty("run_id")
  public abstract String runId();

  @JsonProperty("experiment_id")
  public abstract Optional<String> experimentId();

  @JsonProperty("run_name")
  public abstract Optional<String> runName();

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

  @JsonProperty("artifact_uri")
  public abstract Optional<String> artifactUri();

  @JsonProperty("lifecycle_stage")
  public abstract Optional<String> rawLifecycleStage();

  public RunStatus status() {
    return RunStatus.fromWire(rawStatus().orElse(null));
  }

  public LifecycleStage lifecycleStage() {
    return LifecycleStage.fromWire(rawLifecycleStage().orElse(null));
  }

  public Optional<Instant> startedAt() {
    return startTime().map(Instant::ofEpochMilli);
  }

  public Optional<Instant> endedAt() {
    return endTime().map(Instant::ofEpochMilli);
  }
}
