package dev.kiln.mlflow.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code registered-models/create}: a name unique in the workspace registry, a description and tags. */
@Value.Immutable
@JsonSerialize(as = CreateRegisteredModelRequest.class)
@JsonDeserialize(as = CreateRegisteredModelRequest.class)
abstract class CreateRegisteredModelRequestDef {
  /** The model's name ({@code name}), unique in the workspace registry; required. */
  @JsonProperty("name")
  @Value.Parameter
  public abstract String name();

  /** The model's description ({@code description}). */
  @JsonProperty("description")
  public abstract Optional<String> description();

  /** Tags to set on the new model ({@code tags}); empty by default. */
  @JsonProperty("tags")
  public abstract List<Tag> tags();
}
