package dev.kiln.sql.model;

import dev.kiln.core.spi.WireEnums;

/** Lifecycle of a statement on the warehouse. */
public enum StatementState {
  PENDING,
  RUNNING,
  SUCCEEDED,
  FAILED,
  CANCELED,
  CLOSED,
  /** A state this SDK version does not know; the raw text is in {@link StatementStatus#rawState()}. */
  UNKNOWN;

  /** Whether the statement will not change state any more. */
  public boolean isTerminal() {
    return this == SUCCEEDED || this == FAILED || this == CANCELED || this == CLOSED;
  }

  /** The constant for a wire value, {@link #UNKNOWN} for null or unrecognised text. */
  public static StatementState fromWire(String raw) {
    return WireEnums.parse(StatementState.class, raw, UNKNOWN);
  }
}
