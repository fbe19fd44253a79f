package dev.kiln.vectorsearch.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/** A Vector Search endpoint: the compute that serves one or more indexes. */
@Value.Immutable
@JsonSerialize(as = VectorSearchEndpoint.class)
@JsonDeserialize(as = VectorSearchEndpoint.class)
abstract class VectorSearchEndpointDef {
  /** The endpoint's name, unique in the workspace. */
  @JsonProperty("name")
  public abstract String name();

  /** The server-assigned id. */
  @JsonProperty("id")
  public abstract Optional<String> id();

  /** The endpoint type exactly as the server sent it. */
  @JsonProperty("endpoint_type")
  public abstract Optional<String> rawEndpointType();

  /** The state and the server's message about it. */
  @JsonProperty("endpoint_status")
  public abstract Optional<EndpointStatus> endpointStatus();

  /** How many indexes the endpoint serves. */
  @JsonProperty("num_indexes")
  public abstract Optional<Integer> numIndexes();

  /** Who created the endpoint, as the server reports it. */
  @JsonProperty("creator")
  public abstract Optional<String> creator();

  /** Milliseconds since the epoch. */
  @JsonProperty("creation_timestamp")
  public abstract Optional<Long> creationTimestamp();

  /** Milliseconds since the epoch. */
  @JsonProperty("last_updated_timestamp")
  public abstract Optional<Long> lastUpdatedTimestamp();

  /** Who last changed the endpoint. */
  @JsonProperty("last_updated_user")
  public abstract Optional<String> lastUpdatedUser();

  /** The typed type; {@link EndpointType#UNKNOWN} when absent or new (see {@link #rawEndpointType()}). */
  public EndpointType endpointType() {
    return EndpointType.fromWire(rawEndpointType().orElse(null));
  }

  /** The endpoint's state; {@link EndpointState#UNKNOWN} when the server sent none or a new one. */
  public EndpointState state() {
    return endpointStatus().map(EndpointStatus::state).orElse(EndpointState.UNKNOWN);
  }

  /** The state exactly as the server sent it. */
  public Optional<String> rawState() {
    return endpointStatus().flatMap(EndpointStatus::rawState);
  }
}
