package dev.kiln.serving.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One model (registered, external or foundation) served by an endpoint, as the endpoint reports it.
 * External and foundation model settings are kept as JSON.
 */
@Value.Immutable
@JsonSerialize(as = ServedEntity.class)
@JsonDeserialize(as = ServedEntity.class)
abstract class ServedEntityDef {
  /**
   * The served entity's name within the endpoint (used in the traffic split and
   * {@code served-model-name}).
   */
  @JsonProperty("name")
  public abstract Optional<String> name();

  /**
   * What is served: a Unity Catalog model {@code catalog.schema.model}, a registered model, or a
   * foundation model name.
   */
  @JsonProperty("entity_name")
  public abstract Optional<String> entityName();

  /** The model version served; absent for foundation and external models. */
  @JsonProperty("entity_version")
  public abstract Optional<String> entityVersion();

  /** The compute size, e.g. {@code Small}, {@code Medium}, {@code Large}, as sent. */
  @JsonProperty("workload_size")
  public abstract Optional<String> workloadSize();

  /** The compute type, e.g. {@code CPU} or {@code GPU_SMALL}, as sent. */
  @JsonProperty("workload_type")
  public abstract Optional<String> workloadType();

  /**
   * Whether the entity scales down to no compute when idle (the first request then waits for it to
   * start).
   */
  @JsonProperty("scale_to_zero_enabled")
  public abstract Optional<Boolean> scaleToZeroEnabled();

  /** Its deployment state and message. */
  @JsonProperty("state")
  public abstract Optional<ServedEntityState> state();

  /** Who added the entity, as the server reports it. */
  @JsonProperty("creator")
  public abstract Optional<String> creator();

  /**
   * The {@code external_model} configuration as sent (provider, name, task) for an external model;
   * secrets are not sent back.
   */
  @JsonProperty("external_model")
  public abstract Optional<JsonNode> externalModel();

  /** The {@code foundation_model} description as sent, for a pay-per-token foundation model. */
  @JsonProperty("foundation_model")
  public abstract Optional<JsonNode> foundationModel();
}
