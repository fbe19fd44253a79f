package dev.kiln.sql.model;

import java.util.Locale;

/** Whose credentials a saved query runs with. */
public enum RunAsMode {
  OWNER,
  VIEWER,
  UNKNOWN;

  public static RunAsMode fromName(String name) {
    try {
      return valueOf(name.trim().toUpperCase(Locale.ROOT));
    } catch (RuntimeException unknown) {
      return UNKNOWN;
    }
  }
}
