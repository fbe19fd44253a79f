package dev.kiln.sql.model;

import dev.kiln.core.spi.WireEnums;

/** The status of a query in query history ({@code status}). */
public enum QueryStatus {
  /** Waiting for the warehouse to have capacity. */
  QUEUED,
  /** Received; execution is starting. */
  STARTED,
  /** Being parsed and planned. */
  COMPILING,
  /** Planned, about to run. */
  COMPILED,
  /** Running on the warehouse. */
  RUNNING,
  /** Ran to the end successfully. */
  FINISHED,
  /** Ended with an error; {@link QueryInfo#errorMessage()} says which. */
  FAILED,
  /** Cancelled before it finished. */
  CANCELED,
  /** A status this version does not know; never sent as a filter. */
  UNKNOWN;

  /**
   * The constant for the server's text in any case; {@link #UNKNOWN} for null or unrecognised text.
   *
   * @param raw the text as sent, may be null
   * @return the matching status, never null
   */
  public static QueryStatus fromWire(String raw) {
    return WireEnums.parse(QueryStatus.class, raw, UNKNOWN);
  }
}
