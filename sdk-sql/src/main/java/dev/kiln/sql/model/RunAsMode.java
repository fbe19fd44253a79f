package dev.kiln.sql.model;

import dev.kiln.core.spi.WireEnums;

/** Whose credentials a saved query runs with. */
public enum RunAsMode {
  OWNER,
  VIEWER,
  UNKNOWN;

  /** The constant for a wire value, {@link #UNKNOWN} for null or unrecognised text. */
  public static RunAsMode fromWire(String raw) {
    return WireEnums.parse(RunAsMode.class, raw, UNKNOWN);
  }
}
