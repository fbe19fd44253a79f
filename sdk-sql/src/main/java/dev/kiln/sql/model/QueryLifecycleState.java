package dev.kiln.sql.model;

import dev.kiln.core.spi.WireEnums;

/** Whether a saved query is in use or in the trash. */
public enum QueryLifecycleState {
  ACTIVE,
  TRASHED,
  UNKNOWN;

  /** The constant for a wire value, {@link #UNKNOWN} for null or unrecognised text. */
  public static QueryLifecycleState fromWire(String raw) {
    return WireEnums.parse(QueryLifecycleState.class, raw, UNKNOWN);
  }
}
