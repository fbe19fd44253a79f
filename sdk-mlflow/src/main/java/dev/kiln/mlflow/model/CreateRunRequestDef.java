package dev.kiln.mlflow.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * {@code runs/create}: the experiment, an optional run name, start time (milliseconds since the
 * epoch; the client's clock when absent) and tags. {@code CreateRunRequest.of(experimentId)}.
 */
@Value.Immutable
@JsonSerialize(as = CreateRunRequest.class)
@JsonDeserialize(as = CreateRunRequest.class)
abstract class CreateRunRequestDef {
  /** The experiment the run belongs to ({@code experiment_id}); required. */
  @JsonProperty("experiment_id")
  @Value.Parameter
  public abstract String experimentId();

  /** The run's display name ({@code run_name}); the server makes one up when absent. */
  @JsonProperty("run_name")
  public abstract Optional<String> runName();

  /**
   * When the run started ({@code start_time}), milliseconds since the epoch; the client's clock
   * when absent.
   */
  @JsonProperty("start_time")
  public abstract Optional<Long> startTime();

  /** Tags to set on the new run ({@code tags}); empty by default. */
  @JsonProperty("tags")
  public abstract List<Tag> tags();
}
