package dev.kiln.sql.model;

import dev.kiln.core.spi.WireEnums;

/** Whether a saved query is in use or in the trash. */
public enum QueryLifecycleState {
  /** In use. */
  ACTIVE,
  /** In the trash: deleted, and removed for good after 30 days. */
  TRASHED,
  /**
   * A state this SDK version does not know; the raw text stays in
   * {@link Query#rawLifecycleState()}.
   */
  UNKNOWN;

  /** The constant for a wire value, {@link #UNKNOWN} for null or unrecognised text. */
  public static QueryLifecycleState fromWire(String raw) {
    return WireEnums.parse(QueryLifecycleState.class, raw, UNKNOWN);
  }
}
