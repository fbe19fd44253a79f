package dev.kiln.vectorsearch.model;

import dev.kiln.core.spi.WireEnums;

/**
 * An index's {@code detailed_state}, as the server reports it while the index provisions, syncs and serves.
 * {@link #UNKNOWN} stands for a value this SDK does not know; the raw text is kept beside it.
 */
public enum IndexState {
  PROVISIONING,
  PROVISIONING_ENDPOINT,
  PROVISIONING_PIPELINE_RESOURCES,
  PROVISIONING_INITIAL_SNAPSHOT,
  ONLINE,
  ONLINE_NO_PENDING_UPDATE,
  ONLINE_TRIGGERED_UPDATE,
  ONLINE_CONTINUOUS_UPDATE,
  ONLINE_UPDATING_PIPELINE_RESOURCES,
  ONLINE_PIPELINE_FAILED,
  OFFLINE,
  OFFLINE_FAILED,
  PROVISIONING_FAILED,
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
