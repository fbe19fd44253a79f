package dev.kiln.emulator;

/**
 * The states of an emulated cluster, as {@code GET /api/2.1/clusters/get} reports them. {@code PENDING},
 * {@code RESTARTING} and {@code RESIZING} settle to {@code RUNNING} and {@code TERMINATING} to {@code
 * TERMINATED} after the workspace's cluster start time; the others stay until something moves them.
 */
public enum ClusterState {
  /** Being created or started; becomes {@link #RUNNING} after the start time. */
  PENDING,
  /** Up: takes execution contexts and commands. */
  RUNNING,
  /** Being restarted; becomes {@link #RUNNING} after the start time. */
  RESTARTING,
  /**
   * Adding or removing workers while it keeps running; becomes {@link #RUNNING} after the start
   * time.
   */
  RESIZING,
  /** Being stopped; becomes {@link #TERMINATED} after the start time. */
  TERMINATING,
  /** Stopped; {@code clusters/start} brings it back through {@link #PENDING}. */
  TERMINATED,
  /**
   * Failed and cannot start or take contexts; its state message says why (see
   * {@link LocalWorkspace#addBrokenCluster(String, String, String)}).
   */
  ERROR,
  /**
   * Reported as {@code UNKNOWN}, as the real service does for a state it cannot determine; stays
   * until moved.
   */
  UNKNOWN;

  /** Whether the state moves on by itself after the start time. */
  public boolean isTransitional() {
    return this == PENDING || this == RESTARTING || this == RESIZING || this == TERMINATING;
  }
}
