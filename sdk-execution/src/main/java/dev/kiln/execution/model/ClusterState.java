package dev.kiln.execution.model;

import dev.kiln.core.spi.WireEnums;

/** The lifecycle state of a cluster ({@code state} of {@code /api/2.1/clusters/get}). */
public enum ClusterState {
  PENDING,
  RUNNING,
  RESTARTING,
  RESIZING,
  TERMINATING,
  TERMINATED,
  ERROR,
  /** Sent by the server as {@code UNKNOWN}, and also any state this version does not know. */
  UNKNOWN;

  /** The constant for a wire name in any case, {@link #UNKNOWN} for null or unrecognised text. */
  public static ClusterState fromWire(String raw) {
    return WireEnums.parse(ClusterState.class, raw, UNKNOWN);
  }
}
