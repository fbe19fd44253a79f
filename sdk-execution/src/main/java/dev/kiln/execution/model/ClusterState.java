package dev.kiln.execution.model;

import dev.kiln.core.spi.WireEnums;

/** The lifecycle state of a cluster ({@code state} of {@code /api/2.1/clusters/get}). */
public enum ClusterState {
  /** Being created or started: the server is acquiring instances; not usable yet. */
  PENDING,
  /** Started and usable: commands can run. */
  RUNNING,
  /** Restarting; usable again once {@code RUNNING}. */
  RESTARTING,
  /** Adding or removing workers (by request or autoscaling); still usable. */
  RESIZING,
  /** Being stopped; ends as {@code TERMINATED}. */
  TERMINATING,
  /** Stopped; the configuration is kept and the cluster can be started again. */
  TERMINATED,
  /** Failed and no longer usable; the server terminates it. */
  ERROR,
  /** Sent by the server as {@code UNKNOWN}, and also any state this version does not know. */
  UNKNOWN;

  /** The constant for a wire name in any case, {@link #UNKNOWN} for null or unrecognised text. */
  public static ClusterState fromWire(String raw) {
    return WireEnums.parse(ClusterState.class, raw, UNKNOWN);
  }
}
