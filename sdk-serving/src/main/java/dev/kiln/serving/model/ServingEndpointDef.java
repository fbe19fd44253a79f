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
  /** The endpoint's name, unique in the workspace. */
  @JsonProperty("name")
  public abstract String name();

  /** The server-assigned id, which the permissions API takes instead of the name. */
  @JsonProperty("id")
  public abstract Optional<String> id();

  /** Readiness and config-update state; see {@link #ready()} and {@link #configUpdate()}. */
  @JsonProperty("state")
  public abstract Optional<EndpointState> state();

  /** e.g. {@code llm/v1/chat}, {@code llm/v1/embeddings}; absent for classic models. */
  @JsonProperty("task")
  public abstract Optional<String> task();

  /** The endpoint's tags; empty when it has none. */
  @JsonProperty("tags")
  public abstract List<EndpointTag> tags();

  /** Who created the endpoint, as the server reports it. */
  @JsonProperty("creator")
  public abstract Optional<String> creator();

  /** Milliseconds since the epoch, as sent; see {@link #createdAt()}. */
  @JsonProperty("creation_timestamp")
  public abstract Optional<Long> creationTimestampMillis();

  /** Milliseconds since the epoch, as sent; see {@link #lastUpdatedAt()}. */
  @JsonProperty("last_updated_timestamp")
  public abstract Optional<Long> lastUpdatedTimestampMillis();

  /**
   * The configuration serving now; absent until the first deployment finished (see
   * {@link #pendingConfig()}).
   */
  @JsonProperty("config")
  public abstract Optional<EndpointConfig> config();

  /** The configuration being rolled out, while an update (or the first deployment) is in progress. */
  @JsonProperty("pending_config")
  public abstract Optional<EndpointConfig> pendingConfig();

  /** Whether invocations go to the endpoint's own data-plane URL ({@link #endpointUrl()}). */
  @JsonProperty("route_optimized")
  public abstract Optional<Boolean> routeOptimized();

  /** Set for route-optimized endpoints: invocations go to this URL instead of the workspace. */
  @JsonProperty("endpoint_url")
  public abstract Optional<String> endpointUrl();

  /** The endpoint's description, as set by its owner. */
  @JsonProperty("description")
  public abstract Optional<String> description();

  /** The caller's own permission on the endpoint, as sent (e.g. {@code CAN_MANAGE}). */
  @JsonProperty("permission_level")
  public abstract Optional<String> permissionLevel();

  /**
   * The {@code data_plane_info} object as sent: how to reach a route-optimized endpoint directly.
   */
  @JsonProperty("data_plane_info")
  public abstract Optional<JsonNode> dataPlaneInfo();

  /**
   * The {@code ai_gateway} settings as sent (rate limits, guardrails, usage tracking, inference
   * tables).
   */
  @JsonProperty("ai_gateway")
  public abstract Optional<JsonNode> aiGateway();

  /** When the endpoint was created; empty when not sent. */
  public Optional<Instant> createdAt() {
    return creationTimestampMillis().map(Instant::ofEpochMilli);
  }

  /** When the endpoint was last changed; empty when not sent. */
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
