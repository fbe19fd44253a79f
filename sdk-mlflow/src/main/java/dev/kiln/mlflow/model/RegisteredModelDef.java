package dev.kiln.mlflow.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A registered model of the workspace model registry, with the latest version in each stage. (Unity
 * Catalog models are three-level names served under {@code /api/2.1/unity-catalog/models} and use
 * aliases instead of stages.)
 */
@Value.Immutable
@JsonSerialize(as = RegisteredModel.class)
@JsonDeserialize(as = RegisteredModel.class)
abstract class RegisteredModelDef {
  /** The model's name ({@code name}), unique in the workspace registry. */
  @JsonProperty("name")
  public abstract String name();

  /** Sent by {@code databricks/registered-models/get} only. */
  @JsonProperty("id")
  public abstract Optional<String> id();

  /** The model's description ({@code description}). */
  @JsonProperty("description")
  public abstract Optional<String> description();

  /** Who created the model ({@code user_id}). */
  @JsonProperty("user_id")
  public abstract Optional<String> userId();

  /** When the model was created ({@code creation_timestamp}), milliseconds since the epoch. */
  @JsonProperty("creation_timestamp")
  public abstract Optional<Long> creationTimestamp();

  /** When the model last changed ({@code last_updated_timestamp}), milliseconds since the epoch. */
  @JsonProperty("last_updated_timestamp")
  public abstract Optional<Long> lastUpdatedTimestamp();

  /** The latest version in each stage. */
  @JsonProperty("latest_versions")
  public abstract List<ModelVersion> latestVersions();

  /** The model's tags ({@code tags}); empty when it has none. */
  @JsonProperty("tags")
  public abstract List<Tag> tags();

  /** Sent by {@code databricks/registered-models/get} only, e.g. {@code CAN_MANAGE}. */
  @JsonProperty("permission_level")
  public abstract Optional<String> permissionLevel();

  /** The latest version in {@code stage}, if any. */
  public Optional<ModelVersion> latestVersion(ModelStage stage) {
    return latestVersions().stream().filter(v -> v.currentStage() == stage).reduce((a, b) -> b);
  }

  /** {@link #creationTimestamp()} as an instant; empty when the server sent none. */
  public Optional<Instant> createdAt() {
    return creationTimestamp().map(Instant::ofEpochMilli);
  }

  /** The tags as a map (the last value wins for a repeated key). */
  public Map<String, String> tagMap() {
    return Tags.toMap(tags());
  }
}
