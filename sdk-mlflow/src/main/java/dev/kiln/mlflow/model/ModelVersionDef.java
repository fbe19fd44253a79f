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
  /** The registered model's name ({@code name}). */
  @JsonProperty("name")
  public abstract String name();

  /** The version number as a string ({@code version}), from {@code "1"} up per model. */
  @JsonProperty("version")
  public abstract String version();

  /**
   * Where the model's files were registered from ({@code source}), e.g.
   * {@code runs:/<run_id>/model}.
   */
  @JsonProperty("source")
  public abstract Optional<String> source();

  /** The MLflow run that produced the model ({@code run_id}), if one was given. */
  @JsonProperty("run_id")
  public abstract Optional<String> runId();

  /** A link to the producing run in another workspace ({@code run_link}), if one was given. */
  @JsonProperty("run_link")
  public abstract Optional<String> runLink();

  /** The version's description ({@code description}). */
  @JsonProperty("description")
  public abstract Optional<String> description();

  /** Who created the version ({@code user_id}), usually a user name or email. */
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

  /** When the version was created ({@code creation_timestamp}), milliseconds since the epoch. */
  @JsonProperty("creation_timestamp")
  public abstract Optional<Long> creationTimestamp();

  /**
   * When the version last changed ({@code last_updated_timestamp}), milliseconds since the epoch.
   */
  @JsonProperty("last_updated_timestamp")
  public abstract Optional<Long> lastUpdatedTimestamp();

  /** The version's tags ({@code tags}); empty when it has none. */
  @JsonProperty("tags")
  public abstract List<Tag> tags();

  /** The version's stage; {@link ModelStage#UNKNOWN} when absent or not known to this SDK. */
  public ModelStage currentStage() {
    return ModelStage.fromWire(rawCurrentStage().orElse(null));
  }

  /**
   * The version's registration status; {@link ModelVersionStatus#UNKNOWN} when absent or not known
   * to this SDK.
   */
  public ModelVersionStatus status() {
    return ModelVersionStatus.fromWire(rawStatus().orElse(null));
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
