package dev.kiln.sql.model;

import java.util.Locale;

/** Whether a saved query is in use or in the trash. */
public enum QueryLifecycleState {
  ACTIVE,
  TRASHED,
  UNKNOWN;

  public static QueryLifecycleState fromName(String name) {
    try {
      return valueOf(name.trim().toUpperCase(Locale.ROOT));
    } catch (RuntimeException unknown) {
      return UNKNOWN;
    }
  }
}
