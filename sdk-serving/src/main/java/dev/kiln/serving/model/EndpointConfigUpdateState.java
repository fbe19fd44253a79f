package dev.kiln.serving.model;

import dev.kiln.core.spi.WireEnums;

/** {@code state.config_update} of a serving endpoint; {@link #UNKNOWN} for unrecognised values. */
public enum EndpointConfigUpdateState {
  /** No configuration change is being deployed; the current config is the one serving. */
  NOT_UPDATING,
  /** A new configuration is being deployed; the old one keeps serving meanwhile. */
  IN_PROGRESS,
  /**
   * The last configuration change could not be deployed; the previous config, if any, keeps
   * serving.
   */
  UPDATE_FAILED,
  /** The last configuration change was cancelled before it was deployed. */
  UPDATE_CANCELED,
  /**
   * A value this SDK does not know, or none; the raw string is on
   * {@code ServingEndpoint.rawConfigUpdate()}.
   */
  UNKNOWN;

  /** The constant for a wire value; absent or unrecognised values give {@link #UNKNOWN}. */
  public static EndpointConfigUpdateState fromWire(String value) {
    return WireEnums.parse(EndpointConfigUpdateState.class, value, UNKNOWN);
  }
}
