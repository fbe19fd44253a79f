package dev.kiln.serving.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** An endpoint's current or pending configuration. Legacy {@code served_models} and routing stay JSON. */
@Value.Immutable
@JsonSerialize(as = EndpointConfig.class)
@JsonDeserialize(as = EndpointConfig.class)
abstract class EndpointConfigDef {
  /** What the endpoint serves: models, functions or external models. */
  @JsonProperty("served_entities")
  public abstract List<ServedEntity> servedEntities();

  /**
   * The legacy {@code served_models} list as sent, for endpoints created through the older API;
   * usually empty.
   */
  @JsonProperty("served_models")
  public abstract List<JsonNode> servedModels();

  /**
   * How requests are split among the served entities ({@code routes} with percentages), as sent.
   */
  @JsonProperty("traffic_config")
  public abstract Optional<JsonNode> trafficConfig();

  /** The configuration's version; grows with each config update. */
  @JsonProperty("config_version")
  public abstract Optional<Long> configVersion();
}
