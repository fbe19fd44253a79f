package dev.kiln.sql.model;

import dev.kiln.core.spi.WireEnums;

/** Lifecycle of a statement on the warehouse. */
public enum StatementState {
  /** Accepted and waiting to run, e.g. for the warehouse to start. */
  PENDING,
  /** Running on the warehouse. */
  RUNNING,
  /** Finished; the result can be fetched. */
  SUCCEEDED,
  /** Ended with an error; the status's error says which. */
  FAILED,
  /**
   * Cancelled by a request, or by the server when the wait timeout ran out with
   * {@code on_wait_timeout=CANCEL}.
   */
  CANCELED,
  /**
   * Finished, but the result is gone: it was closed by a request or expired (results live about an
   * hour).
   */
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
