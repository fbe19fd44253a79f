package dev.kiln.serving.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Whether an endpoint can serve ({@code ready}) and whether a configuration change is under way
 * ({@code config_update}). The raw strings are kept so values newer than this SDK are not lost.
 */
@Value.Immutable
@JsonSerialize(as = EndpointState.class)
@JsonDeserialize(as = EndpointState.class)
abstract class EndpointStateDef {
  /** {@code ready} exactly as sent, e.g. {@code "NOT_READY"}. */
  @JsonProperty("ready")
  public abstract Optional<String> rawReady();

  /** {@code config_update} exactly as sent, e.g. {@code "IN_PROGRESS"}. */
  @JsonProperty("config_update")
  public abstract Optional<String> rawConfigUpdate();

  /** {@code ready} typed; {@link EndpointReadyState#UNKNOWN} when absent or new. */
  public EndpointReadyState ready() {
    return EndpointReadyState.fromWire(rawReady().orElse(null));
  }

  /** {@code config_update} typed; {@link EndpointConfigUpdateState#UNKNOWN} when absent or new. */
  public EndpointConfigUpdateState configUpdate() {
    return EndpointConfigUpdateState.fromWire(rawConfigUpdate().orElse(null));
  }
}
