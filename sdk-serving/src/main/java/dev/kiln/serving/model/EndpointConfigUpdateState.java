package dev.kiln.serving.model;

import dev.kiln.core.spi.WireEnums;

/** {@code state.config_update} of a serving endpoint; {@link #UNKNOWN} for unrecognised values. */
public enum EndpointConfigUpdateState {
  NOT_UPDATING,
  IN_PROGRESS,
  UPDATE_FAILED,
  UPDATE_CANCELED,
  UNKNOWN;

  /** The constant for a wire value; absent or unrecognised values give {@link #UNKNOWN}. */
  public static EndpointConfigUpdateState fromWire(String value) {
    return WireEnums.parse(EndpointConfigUpdateState.class, value, UNKNOWN);
  }
}
