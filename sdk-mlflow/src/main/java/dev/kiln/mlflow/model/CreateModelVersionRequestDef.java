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
  /** The registered model this version belongs to ({@code name}); required. */
  @JsonProperty("name")
  public abstract String name();

  /** Where the model's files are ({@code source}), e.g. {@code runs:/<run_id>/model}; required. */
  @JsonProperty("source")
  public abstract String source();

  /** The MLflow run that produced the model ({@code run_id}), if any. */
  @JsonProperty("run_id")
  public abstract Optional<String> runId();

  /** A link to the run in another workspace ({@code run_link}), when the run is not in this one. */
  @JsonProperty("run_link")
  public abstract Optional<String> runLink();

  /** The version's description ({@code description}). */
  @JsonProperty("description")
  public abstract Optional<String> description();

  /** Tags to set on the new version ({@code tags}); empty by default. */
  @JsonProperty("tags")
  public abstract List<Tag> tags();
}
