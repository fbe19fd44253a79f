package dev.kiln.mlflow.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * {@code experiments/create}: a name (on Databricks a workspace path such as
 * {@code /Users/me@example.com/forecasting}), an optional artifact location and tags.
 */
@Value.Immutable
@JsonSerialize(as = CreateExperimentRequest.class)
@JsonDeserialize(as = CreateExperimentRequest.class)
abstract class CreateExperimentRequestDef {
  /**
   * The experiment's name ({@code name}); on Databricks an absolute workspace path. Required,
   * unique.
   */
  @JsonProperty("name")
  public abstract String name();

  /**
   * Where the experiment's runs store artifacts ({@code artifact_location}); the server picks one
   * when absent.
   */
  @JsonProperty("artifact_location")
  public abstract Optional<String> artifactLocation();

  /** Tags to set on the new experiment ({@code tags}); empty by default. */
  @JsonProperty("tags")
  public abstract List<Tag> tags();
}
