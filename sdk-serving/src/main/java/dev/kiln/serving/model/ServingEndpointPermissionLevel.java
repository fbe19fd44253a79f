package dev.kiln.serving.model;

import dev.kiln.core.spi.WireEnums;

/** A permission on a serving endpoint; {@link #UNKNOWN} for values this SDK does not know. */
public enum ServingEndpointPermissionLevel {
  /** May change, delete and set permissions on the endpoint, and query it. */
  CAN_MANAGE,
  /** May query the endpoint and view it. */
  CAN_QUERY,
  /** May see the endpoint and its configuration, but not query it. */
  CAN_VIEW,
  /**
   * A level this SDK does not know, or none was sent; the raw string is kept on the permission
   * entry.
   */
  UNKNOWN;

  /** The constant for a wire value; absent or unrecognised values give {@link #UNKNOWN}. */
  public static ServingEndpointPermissionLevel fromWire(String value) {
    return WireEnums.parse(ServingEndpointPermissionLevel.class, value, UNKNOWN);
  }
}
