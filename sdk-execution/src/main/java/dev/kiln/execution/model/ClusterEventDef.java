package dev.kiln.execution.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import org.immutables.value.Value;

/** One entry of a cluster's event log ({@code POST /api/2.1/clusters/events}). */
@Value.Immutable
@JsonSerialize(as = ClusterEvent.class)
@JsonDeserialize(as = ClusterEvent.class)
abstract class ClusterEventDef {
  /** The cluster the event is about. */
  @JsonProperty("cluster_id")
  public abstract Optional<String> clusterId();

  /** Epoch milliseconds. */
  @JsonProperty("timestamp")
  public abstract OptionalLong timestamp();

  /** The event's kind exactly as sent ({@code type}); {@link #type()} is the typed form. */
  @JsonProperty("type")
  public abstract Optional<String> rawType();

  /** What the event says (user, reason, current/target workers, attributes...), as sent: its shape depends on the type. */
  @JsonProperty("details")
  public abstract Optional<JsonNode> details();

  /**
   * The typed kind; {@code UNKNOWN} when none was sent or for a kind this SDK version does not
   * know.
   */
  @JsonIgnore
  public ClusterEventType type() {
    return ClusterEventType.fromWire(rawType().orElse(null));
  }

  /** {@link #timestamp()} as an instant; absent when the server sent no timestamp. */
  @JsonIgnore
  public Optional<Instant> time() {
    return timestamp().isPresent() ? Optional.of(Instant.ofEpochMilli(timestamp().getAsLong())) : Optional.empty();
  }
}
