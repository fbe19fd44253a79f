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
 * A version of a registered model in the workspace model registry: where it came from
 * ({@code source}, {@code run_id}), its registration {@code status} and its {@code current_stage}.
 * Versions are numbered from 1 per model and travel as strings.
 */
@Value.Immutable
@JsonSerialize(as = ModelVersion.class)
@JsonDeserialize(as = ModelVersion.class)
abstract class ModelVersionDef {
  @JsonProperty("name")
  public abstract String name();

  @JsonProperty("version")
  public abstract String version();

  @JsonProperty("source")
  public abstract Optional<String> source();

  @JsonProperty("run_id")
  public abstract Optional<String> runId();

  @JsonProperty("run_link")
  public abstract Optional<String> runLink();

  @JsonProperty("description")
  public abstract Optional<String> description();

  @JsonProperty("user_id")
  public abstract Optional<String> userId();

  /** {@code current_stage} as sent: {@code None}, {@code Staging}, {@code Production}, {@code Archived}. */
  @JsonProperty("current_stage")
  public abstract Optional<String> rawCurrentStage();

  /** {@code status} as sent, e.g. {@code PENDING_REGISTRATION}. */
  @JsonProperty("status")
  public abstract Optional<String> rawStatus();

  /** Why registration failed, or other details of the status. */
  @JsonProperty("status_message")
  public abstract Optional<String> statusMessage();

  @JsonProperty("creation_timestamp")
  public abstract Optional<Long> creationTimestamp();

  @JsonProperty("last_updated_timestamp")
  public abstract Optional<Long> lastUpdatedTimestamp();

  @JsonProperty("tags")
  public abstract List<Tag> tags();

  public ModelStage currentStage() {
    return ModelStage.fromWire(rawCurrentStage().orElse(null));
  }

  public ModelVersionStatus status() {
    return ModelVersionStatus.fromWire(rawStatus().orElse(null));
  }

  public Optional<Instant> createdAt() {
    return creationTimestamp().map(Instant::ofEpochMilli);
  }

  public Map<String, String> tagMap() {
    return Tags.toMap(tags());
  }
}
