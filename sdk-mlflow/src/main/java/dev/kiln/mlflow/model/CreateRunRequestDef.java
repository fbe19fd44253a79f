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
  @JsonProperty("experiment_id")
  @Value.Parameter
  public abstract String experimentId();

  @JsonProperty("run_name")
  public abstract Optional<String> runName();

  @JsonProperty("start_time")
  public abstract Optional<Long> startTime();

  @JsonProperty("tags")
  public abstract List<Tag> tags();
}
