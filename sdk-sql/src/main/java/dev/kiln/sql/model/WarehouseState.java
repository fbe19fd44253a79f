package dev.kiln.sql.model;

import dev.kiln.core.spi.WireEnums;

/** The state of a SQL warehouse ({@code state}). */
public enum WarehouseState {
  /** Starting up: acquiring compute; statements sent now wait for it. */
  STARTING,
  /** Up and accepting statements. */
  RUNNING,
  /** Shutting down; ends as {@code STOPPED}. */
  STOPPING,
  /** Stopped; a statement sent to it starts it again (or the caller starts it). */
  STOPPED,
  /** Being deleted. */
  DELETING,
  /** Deleted; it can no longer be used. */
  DELETED,
  /** A state this SDK version does not know, or none sent; the raw text stays in the warehouse. */
  UNKNOWN;

  /**
   * The constant for the server's text in any case; {@link #UNKNOWN} for null or unrecognised text.
   *
   * @param raw the text as sent, may be null
   * @return the matching state, never null
   */
  public static WarehouseState fromWire(String raw) {
    return WireEnums.parse(WarehouseState.class, raw, UNKNOWN);
  }
}
