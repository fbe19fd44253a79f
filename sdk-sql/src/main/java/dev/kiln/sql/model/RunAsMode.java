package dev.kiln.sql.model;

import dev.kiln.core.spi.WireEnums;

/** Whose credentials a saved query runs with. */
public enum RunAsMode {
  /** Runs with the query owner's permissions, whoever runs it. */
  OWNER,
  /** Runs with the permissions of whoever runs it. */
  VIEWER,
  /** A mode this SDK version does not know; the raw text stays in {@link Query#rawRunAsMode()}. */
  UNKNOWN;

  /** The constant for a wire value, {@link #UNKNOWN} for null or unrecognised text. */
  public static RunAsMode fromWire(String raw) {
    return WireEnums.parse(RunAsMode.class, raw, UNKNOWN);
  }
}
