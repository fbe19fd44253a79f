package dev.kiln.sql.model;

import dev.kiln.core.spi.WireEnums;

/** The status of a query in query history ({@code status}). */
public enum QueryStatus {
  QUEUED,
  STARTED,
  COMPILING,
  COMPILED,
  RUNNING,
  FINISHED,
  FAILED,
  CANCELED,
  /** A status this version does not know; never sent as a filter. */
  UNKNOWN;

  public static QueryStatus fromWire(String raw) {
    return WireEnums.parse(QueryStatus.class, raw, UNKNOWN);
  }
}
