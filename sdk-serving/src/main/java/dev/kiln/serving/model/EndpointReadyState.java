package dev.kiln.serving.model;

import dev.kiln.core.spi.WireEnums;

/** {@code state.ready} of a serving endpoint; {@link #UNKNOWN} for values this SDK does not know. */
public enum EndpointReadyState {
  READY,
  NOT_READY,
  UNKNOWN;

  /** The constant for a wire value; absent or unrecognised values give {@link #UNKNOWN}. */
  public static EndpointReadyState fromWire(String value) {
    return WireEnums.parse(EndpointReadyState.class, value, UNKNOWN);
  }
}
