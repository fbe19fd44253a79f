package dev.kiln.mlflow.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * {@code model-versions/create}: registers the model at {@code source} (e.g.
 * {@code runs:/<run_id>/model} or {@code dbfs:/...}) as the next version of {@code name}, optionally
 * linked to the run that produced it.
 */
@Value.Immutable
@JsonSerialize(as = CreateModelVersionRequest.class)
@JsonDeserialize(as = CreateModelVersionRequest.class)
abstract class CreateModelVersionRequestDef {
  @JsonProperty("name")
  public abstract String name();

  @JsonProperty("source")
  public abstract String source();

  @JsonProperty("run_id")
  public abstract Optional<String> runId();

  @JsonProperty("run_link")
  public abstract Optional<String> runLink();

  @JsonProperty("description")
  public abstract Optional<String> description();

  @JsonProperty("tags")
  public abstract List<Tag> tags();
}
