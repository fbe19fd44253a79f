package dev.kiln.vectorsearch.model;

import dev.kiln.core.spi.WireEnums;

/**
 * An index's {@code detailed_state}, as the server reports it while the index provisions, syncs and serves.
 * {@link #UNKNOWN} stands for a value this SDK does not know; the raw text is kept beside it.
 */
public enum IndexState {
  /** The index is being set up. */
  PROVISIONING,
  /** Waiting for the endpoint that will serve the index to come up. */
  PROVISIONING_ENDPOINT,
  /** Creating the pipeline that syncs a delta-sync index from its source table. */
  PROVISIONING_PIPELINE_RESOURCES,
  /**
   * Reading the source table for the first time and computing its embeddings; can take hours for a
   * big table.
   */
  PROVISIONING_INITIAL_SNAPSHOT,
  /** The index serves queries. */
  ONLINE,
  /** The index serves queries and is in step with its source table. */
  ONLINE_NO_PENDING_UPDATE,
  /**
   * The index serves queries while a sync started by {@code syncIndex} (a TRIGGERED pipeline) runs.
   */
  ONLINE_TRIGGERED_UPDATE,
  /** The index serves queries while a CONTINUOUS pipeline keeps it in step with its source. */
  ONLINE_CONTINUOUS_UPDATE,
  /** The index serves queries while its sync pipeline is being changed. */
  ONLINE_UPDATING_PIPELINE_RESOURCES,
  /**
   * The index serves queries, but its sync pipeline failed: results grow stale until it is fixed
   * and synced again.
   */
  ONLINE_PIPELINE_FAILED,
  /** The index does not serve queries. */
  OFFLINE,
  /** The index does not serve queries because it failed; see the status message. */
  OFFLINE_FAILED,
  /** Setting the index up failed; it will not come up without help (see the status message). */
  PROVISIONING_FAILED,
  /**
   * A state this SDK does not know, or none was sent; {@link #isOnline(String)} and
   * {@link #isFailed(String)} still read the raw text.
   */
  UNKNOWN;

  /** The constant for a wire value; {@link #UNKNOWN} for null or unrecognised values. */
  public static IndexState fromWire(String raw) {
    return WireEnums.parse(IndexState.class, raw, UNKNOWN);
  }

  /** Whether {@code raw} says the index serves queries ({@code ONLINE…}, including states newer than this SDK). */
  public static boolean isOnline(String raw) {
    return raw != null && raw.startsWith("ONLINE");
  }

  /** Whether {@code raw} says the index will not come up without help ({@code …FAILED} and not online). */
  public static boolean isFailed(String raw) {
    return raw != null && !isOnline(raw) && raw.endsWith("FAILED");
  }
}
