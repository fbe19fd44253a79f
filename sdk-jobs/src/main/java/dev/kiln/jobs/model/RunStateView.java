package dev.kiln.jobs.model;

import java.util.Optional;

/**
 * The state of a run or task run as Kiln reads it: the 2.2 {@code status} first, the deprecated
 * {@code state} as the fallback (and for SKIPPED and INTERNAL_ERROR, which {@code status} folds into
 * TERMINATED).
 */
public interface RunStateView {
  /** {@code state} as sent (deprecated in 2.2 but still sent). */
  Optional<RunState> state();

  /** {@code status} as sent (Jobs 2.2). */
  Optional<RunStatus> status();

  /** The life-cycle state: {@code state.life_cycle_state}, or derived from {@code status} when only it is sent. */
  default RunLifeCycleState lifeCycleState() {
    return RunStates.lifeCycleState(state(), status());
  }

  /** The life-cycle state as sent (or as derived from {@code status.state}), if any. */
  default Optional<String> rawLifeCycleState() {
    return RunStates.rawLifeCycleState(state(), status());
  }

  /** The result, once terminal. */
  default Optional<RunResultState> resultState() {
    return RunStates.resultState(state(), status());
  }

  /** The state message, or the termination (or queue) message. */
  default Optional<String> stateMessage() {
    return RunStates.message(state(), status());
  }
}
