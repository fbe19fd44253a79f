package dev.kiln.jobs.model;

import java.util.Optional;

/**
 * Reads a run's state as Kiln documents it: the 2.2 {@code status} first, the deprecated
 * {@code state} as the fallback (and for the finer life-cycle values SKIPPED and INTERNAL_ERROR,
 * which {@code status} folds into TERMINATED).
 */
final class RunStates {
  private RunStates() {}

  static Optional<String> rawLifeCycleState(Optional<RunState> state, Optional<RunStatus> status) {
    Optional<String> raw = state.flatMap(RunState::rawLifeCycleState);
    if (raw.isPresent()) {
      return raw;
    }
    return status.flatMap(s -> s.rawState().map(rawState -> fromStatus(s, rawState)));
  }

  static RunLifeCycleState lifeCycleState(Optional<RunState> state, Optional<RunStatus> status) {
    RunLifeCycleState fromState = RunLifeCycleState.fromWire(rawLifeCycleState(state, status).orElse(null));
    // A terminated status wins over a state that still says otherwise: status is the 2.2 truth.
    if (status.map(RunStatus::state).orElse(null) == RunStatusState.TERMINATED && !fromState.isTerminal()) {
      return RunLifeCycleState.TERMINATED;
    }
    return fromState;
  }

  private static String fromStatus(RunStatus status, String rawState) {
    RunStatusState s = RunStatusState.fromWire(rawState);
    if (s == RunStatusState.WAITING) {
      return RunLifeCycleState.WAITING_FOR_RETRY.name();
    }
    if (s == RunStatusState.TERMINATED) {
      Optional<TerminationDetails> details = status.terminationDetails();
      if (details.flatMap(TerminationDetails::code).filter("SKIPPED"::equals).isPresent()) {
        return RunLifeCycleState.SKIPPED.name();
      }
      if (details.map(TerminationDetails::type).orElse(null) == TerminationType.INTERNAL_ERROR) {
        return RunLifeCycleState.INTERNAL_ERROR.name();
      }
    }
    return rawState;
  }

  static Optional<RunResultState> resultState(Optional<RunState> state, Optional<RunStatus> status) {
    Optional<RunResultState> fromState = state.flatMap(RunState::resultState);
    if (fromState.isPresent()) {
      return fromState;
    }
    return status.filter(s -> s.state() == RunStatusState.TERMINATED)
        .flatMap(RunStatus::terminationDetails)
        .flatMap(RunStates::resultOf);
  }

  private static Optional<RunResultState> resultOf(TerminationDetails details) {
    String code = details.code().orElse("");
    switch (code) {
      case "SUCCESS":
        return Optional.of(RunResultState.SUCCESS);
      case "SUCCESS_WITH_FAILURES":
        return Optional.of(RunResultState.SUCCESS_WITH_FAILURES);
      case "CANCELED":
      case "USER_CANCELED":
        return Optional.of(RunResultState.CANCELED);
      case "MAX_CONCURRENT_RUNS_EXCEEDED":
        return Optional.of(RunResultState.MAXIMUM_CONCURRENT_RUNS_REACHED);
      case "SKIPPED":
        return Optional.empty();
      case "TIMEDOUT":
      case "TIMEOUT":
        return Optional.of(RunResultState.TIMEDOUT);
      case "UPSTREAM_FAILED":
        return Optional.of(RunResultState.UPSTREAM_FAILED);
      default:
        return details.type() == TerminationType.SUCCESS ? Optional.of(RunResultState.SUCCESS)
            : Optional.of(RunResultState.FAILED);
    }
  }

  static Optional<String> message(Optional<RunState> state, Optional<RunStatus> status) {
    Optional<String> fromState = state.flatMap(RunState::stateMessage).filter(m -> !m.isEmpty());
    if (fromState.isPresent()) {
      return fromState;
    }
    return status.flatMap(RunStatus::terminationDetails).flatMap(TerminationDetails::message).filter(m -> !m.isEmpty())
        .or(() -> status.flatMap(RunStatus::queueDetails).flatMap(QueueDetails::message).filter(m -> !m.isEmpty()));
  }
}
