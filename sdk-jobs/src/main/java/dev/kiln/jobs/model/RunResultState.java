package dev.kiln.jobs.model;

import dev.kiln.core.spi.WireEnums;

/** {@code state.result_state}, set once a run or task run is terminal. {@link #UNKNOWN} for values this SDK does not know. */
public enum RunResultState {
  /** Ended successfully. */
  SUCCESS,
  /** Ended with an error. */
  FAILED,
  /** Stopped after reaching its timeout. */
  TIMEDOUT,
  /** Cancelled at a user's request. */
  CANCELED,
  /** Skipped because the job already had as many active runs as it may. */
  MAXIMUM_CONCURRENT_RUNS_REACHED,
  /** Skipped because its run conditions were not met (e.g. a condition task's outcome). */
  EXCLUDED,
  /** Ended with some tasks failing while every leaf task succeeded. */
  SUCCESS_WITH_FAILURES,
  /** Not run because a task it depends on failed. */
  UPSTREAM_FAILED,
  /** Not run because a task it depends on was cancelled. */
  UPSTREAM_CANCELED,
  /** Not run because the task is disabled. */
  DISABLED,
  /** A result this SDK does not know; the raw value stays on the run. */
  UNKNOWN;

  /** Whether the run did what was asked: SUCCESS, or SUCCESS_WITH_FAILURES (its leaf tasks succeeded). */
  public boolean isSuccess() {
    return this == SUCCESS || this == SUCCESS_WITH_FAILURES;
  }

  /** The constant for a wire value; absent or unrecognised values give {@link #UNKNOWN}. */
  public static RunResultState fromWire(String value) {
    return WireEnums.parse(RunResultState.class, value, UNKNOWN);
  }
}
