package dev.kiln.emulator;

/**
 * The states of an emulated cluster, as {@code GET /api/2.1/clusters/get} reports them. {@code PENDING},
 * {@code RESTARTING} and {@code RESIZING} settle to {@code RUNNING} and {@code TERMINATING} to {@code
 * TERMINATED} after the workspace's cluster start time; the others stay until something moves them.
 */
public enum ClusterState {
  PENDING,
  RUNNING,
  RESTARTING,
  RESIZING,
  TERMINATING,
  TERMINATED,
  ERROR,
  UNKNOWN;

  /** Whether the state moves on by itself after the start time. */
  public boolean isTransitional() {
    return this == PENDING || this == RESTARTING || this == RESIZING || this == TERMINATING;
  }
}
