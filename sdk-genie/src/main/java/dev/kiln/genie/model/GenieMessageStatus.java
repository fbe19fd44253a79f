package dev.kiln.genie.model;

import dev.kiln.core.spi.WireEnums;

/** Where a Genie message is on its way to an answer. */
public enum GenieMessageStatus {
  /** The question was accepted; work on it has not started. */
  SUBMITTED,
  /** Genie is reading the metadata of the space's tables. */
  FETCHING_METADATA,
  /** Genie is choosing which tables, instructions and examples matter for the question. */
  FILTERING_CONTEXT,
  /** Waiting for the language model to answer or write a query. */
  ASKING_AI,
  /** The generated query waits for the space's SQL warehouse to be available. */
  PENDING_WAREHOUSE,
  /** The generated query is running on the warehouse. */
  EXECUTING_QUERY,
  /** Seen in API samples as a generic in-progress state. */
  IN_PROGRESS,
  /** Done: the answer is in the attachments (and a query's result can be read). */
  COMPLETED,
  /** Generating the answer or running its query failed; {@link GenieMessage#error()} says why. */
  FAILED,
  /** The message was cancelled (in the Genie UI or by the service); it has no answer. */
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
