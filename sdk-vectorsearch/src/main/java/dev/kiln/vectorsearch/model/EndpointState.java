package dev.kiln.vectorsearch.model;

import dev.kiln.core.spi.WireEnums;

/**
 * Lifecycle state of a Vector Search endpoint.
 * {@link #UNKNOWN} stands for a value this SDK does not know yet; the model keeps the raw string.
 */
public enum EndpointState {
  PROVISIONING,
  ONLINE,
  OFFLINE,
  YELLOW_STATE,
  RED_STATE,
  DELETED,
  UNKNOWN;

  /** The constant for a wire value; {@link #UNKNOWN} for null or unrecognised values. */
  public static EndpointState fromWire(String raw) {
    return WireEnums.parse(EndpointState.class, raw, UNKNOWN);
  }
}
