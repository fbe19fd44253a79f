package dev.kiln.sql.model;

import dev.kiln.core.WireEnums;

/** Whose credentials a saved query runs with. */
public enum RunAsMode {
  OWNER,
  VIEWER,
  UNKNOWN;

  public static RunAsMode fromName(String name) {
    return WireEnums.parse(RunAsMode.class, name, UNKNOWN);
  }
}
