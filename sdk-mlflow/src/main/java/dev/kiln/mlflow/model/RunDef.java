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
  @JsonProperty("info")
  public abstract RunInfo info();

  @JsonProperty("data")
  @Value.Default
  public RunData data() {
    return RunData.builder().build();
  }

  public String runId() {
    return info().runId();
  }

  public RunStatus status() {
    return info().status();
  }
}
