package dev.kiln.serving.model;

import dev.kiln.core.spi.WireEnums;

/** {@code state.ready} of a serving endpoint; {@link #UNKNOWN} for values this SDK does not know. */
public enum EndpointReadyState {
  /** The endpoint answers queries. */
  READY,
  /** The endpoint cannot answer queries yet (being created, or its served entities failed). */
  NOT_READY,
  /** A value this SDK does not know, or none was sent; the raw string is on {@code ServingEndpoint.rawReady()}. */
  UNKNOWN;

  /** The constant for a wire value; absent or unrecognised values give {@link #UNKNOWN}. */
  public static EndpointReadyState fromWire(String value) {
    return WireEnums.parse(EndpointReadyState.class, value, UNKNOWN);
  }
}
