package dev.kiln.serving.model;

import dev.kiln.core.spi.WireEnums;

/** A permission on a serving endpoint; {@link #UNKNOWN} for values this SDK does not know. */
public enum ServingEndpointPermissionLevel {
  CAN_MANAGE,
  CAN_QUERY,
  CAN_VIEW,
  UNKNOWN;

  /** The constant for a wire value; absent or unrecognised values give {@link #UNKNOWN}. */
  public static ServingEndpointPermissionLevel fromWire(String value) {
    return WireEnums.parse(ServingEndpointPermissionLevel.class, value, UNKNOWN);
  }
}
