package dev.kiln.mlflow.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import org.immutables.value.Value;

/** A run: its {@link RunInfo} and what was logged to it ({@link RunData}). */
@Value.Immutable
@JsonSerialize(as = Run.class)
@JsonDeserialize(as = Run.class)
abstract class RunDef {
  /** The run's metadata ({@code info}): ids, status, times. */
  @JsonProperty("info")
  public abstract RunInfo info();

  /** What was logged to the run ({@code data}); empty when the server sent none. */
  @JsonProperty("data")
  @Value.Default
  public RunData data() {
    return RunData.builder().build();
  }

  /** The run's id, from {@link #info()}. */
  public String runId() {
    return info().runId();
  }

  /**
   * The run's status, from {@link #info()}; {@link RunStatus#UNKNOWN} when absent or not known to
   * this SDK.
   */
  public RunStatus status() {
    return info().status();
  }
}
