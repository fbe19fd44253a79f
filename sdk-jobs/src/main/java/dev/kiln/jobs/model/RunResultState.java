package dev.kiln.jobs.model;

import dev.kiln.core.spi.WireEnums;

/** {@code state.result_state}, set once a run or task run is terminal. {@link #UNKNOWN} for values this SDK does not know. */
public enum RunResultState {
  SUCCESS,
  FAILED,
  TIMEDOUT,
  CANCELED,
  MAXIMUM_CONCURRENT_RUNS_REACHED,
  EXCLUDED,
  SUCCESS_WITH_FAILURES,
  UPSTREAM_FAILED,
  UPSTREAM_CANCELED,
  DISABLED,
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
