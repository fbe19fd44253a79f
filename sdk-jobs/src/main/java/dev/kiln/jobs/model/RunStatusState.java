package dev.kiln.jobs.model;

import dev.kiln.core.spi.WireEnums;

/** {@code status.state} of a run (Jobs 2.2). {@link #UNKNOWN} for values this SDK does not know. */
public enum RunStatusState {
  QUEUED,
  PENDING,
  RUNNING,
  TERMINATING,
  TERMINATED,
  BLOCKED,
  WAITING,
  UNKNOWN;

  /** The constant for a wire value; absent or unrecognised values give {@link #UNKNOWN}. */
  public static RunStatusState fromWire(String value) {
    return WireEnums.parse(RunStatusState.class, value, UNKNOWN);
  }
}
