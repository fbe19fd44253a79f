package dev.kiln.genie.model;

import dev.kiln.core.spi.WireEnums;

/** Where a Genie message is on its way to an answer. */
public enum GenieMessageStatus {
  SUBMITTED,
  FETCHING_METADATA,
  FILTERING_CONTEXT,
  ASKING_AI,
  PENDING_WAREHOUSE,
  EXECUTING_QUERY,
  /** Seen in API samples as a generic in-progress state. */
  IN_PROGRESS,
  COMPLETED,
  FAILED,
  CANCELLED,
  /** Finished, but the query result is gone; it can be re-executed. */
  QUERY_RESULT_EXPIRED,
  /**
   * A status this SDK version does not know; the raw text is in {@link GenieMessage#rawStatus()}.
   * Treated as still in progress.
   */
  UNKNOWN;

  /**
   * Whether the message will not change any more. Every terminal status ends waiting at once
   * (the official SDKs keep polling CANCELLED and QUERY_RESULT_EXPIRED until they time out).
   */
  public boolean isTerminal() {
    return this == COMPLETED || this == FAILED || this == CANCELLED || this == QUERY_RESULT_EXPIRED;
  }

  /** The constant for the server's text, {@link #UNKNOWN} for null or unrecognised text. */
  public static GenieMessageStatus fromWire(String raw) {
    return WireEnums.parse(GenieMessageStatus.class, raw, UNKNOWN);
  }
}
