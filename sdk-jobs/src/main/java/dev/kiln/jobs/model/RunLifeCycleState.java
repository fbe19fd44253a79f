package dev.kiln.jobs.model;

import dev.kiln.core.spi.WireEnums;

/** {@code state.life_cycle_state} of a run or task run (deprecated on the wire but still sent). {@link #UNKNOWN} for values this SDK does not know. */
public enum RunLifeCycleState {
  QUEUED,
  PENDING,
  RUNNING,
  TERMINATING,
  TERMINATED,
  SKIPPED,
  INTERNAL_ERROR,
  BLOCKED,
  WAITING_FOR_RETRY,
  UNKNOWN;

  /** Whether a run in this state is finished: TERMINATED, SKIPPED or INTERNAL_ERROR. */
  public boolean isTerminal() {
    return this == TERMINATED || this == SKIPPED || this == INTERNAL_ERROR;
  }

  /** The constant for a wire value; absent or unrecognised values give {@link #UNKNOWN}. */
  public static RunLifeCycleState fromWire(String value) {
    return WireEnums.parse(RunLifeCycleState.class, value, UNKNOWN);
  }
}
