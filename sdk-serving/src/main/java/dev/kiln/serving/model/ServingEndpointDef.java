package dev.kiln.serving.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A serving endpoint as {@code GET /api/2.0/serving-endpoints[/{name}]} describes it. Sub-objects
 * this SDK does not model (AI gateway, data plane info) are kept as JSON.
 */
@Value.Immutable
@JsonSerialize(as = ServingEndpoint.class)
@JsonDeserialize(as = ServingEndpoint.class)
abstract class ServingEndpointDef {
  @JsonProperty("name")
  public abstract String name();

  @JsonProperty("id")
  public abstract Optional<String> id();

  @JsonProperty("state")
  public abstract Optional<EndpointState> state();

  /** e.g. {@code llm/v1/chat}, {@code llm/v1/embeddings}; absent for classic models. */
  @JsonProperty("task")
  public abstract Optional<String> task();

  @JsonProperty("tags")
  public abstract List<EndpointTag> tags();

  @JsonProperty("creator")
  public abstract Optional<String> creator();

  /** Milliseconds since the epoch, as sent; see {@link #createdAt()}. */
  @JsonProperty("creation_timestamp")
  public abstract Optional<Long> creationTimestampMillis();

  /** Milliseconds since the epoch, as sent; see {@link #lastUpdatedAt()}. */
  @JsonProperty("last_updated_timestamp")
  public abstract Optional<Long> lastUpdatedTimestampMillis();

  @JsonProperty("config")
  public abstract Optional<EndpointConfig> config();

  /** The configuration being rolled out, while an update (or the first deployment) is in progress. */
  @JsonProperty("pending_config")
  public abstract Optional<EndpointConfig> pendingConfig();

  @JsonProperty("route_optimized")
  public abstract Optional<Boolean> routeOptimized();

  /** Set for route-optimized endpoints: invocations go to this URL instead of the workspace. */
  @JsonProperty("endpoint_url")
  public abstract Optional<String> endpointUrl();

  @JsonProperty("description")
  public abstract Optional<String> description();

  @JsonProperty("permission_level")
  public abstract Optional<String> permissionLevel();

  @JsonProperty("data_plane_info")
  public abstract Optional<JsonNode> dataPlaneInfo();

  @JsonProperty("ai_gateway")
  public abstract Optional<JsonNode> aiGateway();

  public Optional<Instant> createdAt() {
    return creationTimestampMillis().map(Instant::ofEpochMilli);
  }

  public Optional<Instant> lastUpdatedAt() {
    return lastUpdatedTimestampMillis().map(Instant::ofEpochMilli);
  }

  /** {@code state.ready}, or {@link EndpointReadyState#UNKNOWN} when the state is missing. */
  public EndpointReadyState ready() {
    return state().map(EndpointState::ready).orElse(EndpointReadyState.UNKNOWN);
  }

  /** {@code state.ready} exactly as sent, if present. */
  public Optional<String> rawReady() {
    return state().flatMap(EndpointState::rawReady);
  }

  /** {@code state.config_update}, or {@link EndpointConfigUpdateState#UNKNOWN} when missing. */
  public EndpointConfigUpdateState configUpdate() {
    return state().map(EndpointState::configUpdate).orElse(EndpointConfigUpdateState.UNKNOWN);
  }

  /** {@code state.config_update} exactly as sent, if present. */
  public Optional<String> rawConfigUpdate() {
    return state().flatMap(EndpointState::rawConfigUpdate);
  }

  /** The served entities of the current configuration (empty while the first one is pending). */
  public List<ServedEntity> servedEntities() {
    return config().map(EndpointConfig::servedEntities).orElse(List.of());
  }
}
