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
  @JsonProperty("name")
  public abstract String name();

  /** Sent by {@code databricks/registered-models/get} only. */
  @JsonProperty("id")
  public abstract Optional<String> id();

  @JsonProperty("description")
  public abstract Optional<String> description();

  @JsonProperty("user_id")
  public abstract Optional<String> userId();

  @JsonProperty("creation_timestamp")
  public abstract Optional<Long> creationTimestamp();

  @JsonProperty("last_updated_timestamp")
  public abstract Optional<Long> lastUpdatedTimestamp();

  /** The latest version in each stage. */
  @JsonProperty("latest_versions")
  public abstract List<ModelVersion> latestVersions();

  @JsonProperty("tags")
  public abstract List<Tag> tags();

  /** Sent by {@code databricks/registered-models/get} only, e.g. {@code CAN_MANAGE}. */
  @JsonProperty("permission_level")
  public abstract Optional<String> permissionLevel();

  /** The latest version in {@code stage}, if any. */
  public Optional<ModelVersion> latestVersion(ModelStage stage) {
    return latestVersions().stream().filter(v -> v.currentStage() == stage).reduce((a, b) -> b);
  }

  public Optional<Instant> createdAt() {
    return creationTimestamp().map(Instant::ofEpochMilli);
  }

  public Map<String, String> tagMap() {
    return Tags.toMap(tags());
  }
}
