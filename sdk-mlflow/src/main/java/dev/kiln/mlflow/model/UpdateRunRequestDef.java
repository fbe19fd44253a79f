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
  /** The run to update ({@code run_id}); required. */
  @JsonProperty("run_id")
  public abstract String runId();

  /**
   * The new status ({@code status}); {@link RunStatus#UNKNOWN} is refused. Unchanged when absent.
   */
  @JsonProperty("status")
  public abstract Optional<RunStatus> status();

  /** When the run ended ({@code end_time}), milliseconds since the epoch; unchanged when absent. */
  @JsonProperty("end_time")
  public abstract Optional<Long> endTime();

  /** The new display name ({@code run_name}); unchanged when absent. */
  @JsonProperty("run_name")
  public abstract Optional<String> runName();
}
