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
  @JsonProperty("name")
  public abstract Optional<String> name();

  @JsonProperty("entity_name")
  public abstract Optional<String> entityName();

  @JsonProperty("entity_version")
  public abstract Optional<String> entityVersion();

  @JsonProperty("workload_size")
  public abstract Optional<String> workloadSize();

  @JsonProperty("workload_type")
  public abstract Optional<String> workloadType();

  @JsonProperty("scale_to_zero_enabled")
  public abstract Optional<Boolean> scaleToZeroEnabled();

  @JsonProperty("state")
  public abstract Optional<ServedEntityState> state();

  @JsonProperty("creator")
  public abstract Optional<String> creator();

  @JsonProperty("external_model")
  public abstract Optional<JsonNode> externalModel();

  @JsonProperty("foundation_model")
  public abstract Optional<JsonNode> foundationModel();
}
