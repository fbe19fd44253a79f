package dev.kiln.sql.model;

import dev.kiln.core.WireEnums;

/** Whether a saved query is in use or in the trash. */
public enum QueryLifecycleState {
  ACTIVE,
  TRASHED,
  UNKNOWN;

  public static QueryLifecycleState fromName(String name) {
    return WireEnums.parse(QueryLifecycleState.class, name, UNKNOWN);
  }
}
