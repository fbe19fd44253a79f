package dev.kiln.jobs.model;

import dev.kiln.core.spi.WireEnums;

/** {@code state.life_cycle_state} of a run or task run (deprecated on the wire but still sent). {@link #UNKNOWN} for values this SDK does not know. */
public enum RunLifeCycleState {
  /** Waiting in the queue for a free slot (queueing is on and a limit is reached). */
  QUEUED,
  /** Starting: the cluster and context are being prepared. */
  PENDING,
  /** Running. */
  RUNNING,
  /** Finished running; the cluster and context are being cleaned up. */
  TERMINATING,
  /** Ended; {@code result_state} says how. */
  TERMINATED,
  /**
   * Not run, e.g. because an earlier run of the job was still active (and queueing is off) or a
   * condition was false.
   */
  SKIPPED,
  /** Ended because of a failure in the Jobs service, e.g. a network failure over a long period. */
  INTERNAL_ERROR,
  /** Waiting for an upstream task it depends on. */
  BLOCKED,
  /** Waiting before another attempt after a failure. */
  WAITING_FOR_RETRY,
  /** A state this SDK does not know; the raw value stays on the run. */
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
