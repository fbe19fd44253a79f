package dev.kiln.jobs.model;

import dev.kiln.core.spi.WireEnums;

/** {@code status.state} of a run (Jobs 2.2). {@link #UNKNOWN} for values this SDK does not know. */
public enum RunStatusState {
  /** Waiting in the queue for a free slot. */
  QUEUED,
  /** Starting: compute is being prepared. */
  PENDING,
  /** Running. */
  RUNNING,
  /** Finished running; resources are being cleaned up. */
  TERMINATING,
  /** Ended; {@code termination_details} say how. */
  TERMINATED,
  /** Waiting for an upstream task it depends on. */
  BLOCKED,
  /** Waiting before another attempt after a failure. */
  WAITING,
  /** A state this SDK does not know; the raw value stays on the run. */
  UNKNOWN;

  /** The constant for a wire value; absent or unrecognised values give {@link #UNKNOWN}. */
  public static RunStatusState fromWire(String value) {
    return WireEnums.parse(RunStatusState.class, value, UNKNOWN);
  }
}
