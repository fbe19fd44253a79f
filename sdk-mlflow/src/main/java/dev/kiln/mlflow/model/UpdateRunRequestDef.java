package dev.kiln.mlflow.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code runs/update}: a new status, end time (milliseconds since the epoch) or run name. */
@Value.Immutable
@JsonSerialize(as = UpdateRunRequest.class)
@JsonDeserialize(as = UpdateRunRequest.class)
abstract class UpdateRunRequestDef {
  @JsonProperty("run_id")
  public abstract String runId();

  @JsonProperty("status")
  public abstract Optional<RunStatus> status();

  @JsonProperty("end_time")
  public abstract Optional<Long> endTime();

  @JsonProperty("run_name")
  public abstract Optional<String> runName();
}
