package dev.kiln.vectorsearch.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/** An endpoint's lifecycle state and the server's note on it. */
@Value.Immutable
@JsonSerialize(as = EndpointStatus.class)
@JsonDeserialize(as = EndpointStatus.class)
abstract class EndpointStatusDef {
  /** The state exactly as the server sent it, including values this SDK does not know. */
  @JsonProperty("state")
  public abstract Optional<String> rawState();

  /**
   * The server's explanation of the state (why it is not online, for instance); empty when it gave
   * none.
   */
  @JsonProperty("message")
  public abstract Optional<String> message();

  /** The typed state; {@link EndpointState#UNKNOWN} when absent or new (see {@link #rawState()}). */
  public EndpointState state() {
    return EndpointState.fromWire(rawState().orElse(null));
  }
}
