package dev.kiln.jobs;

import dev.kiln.core.OperationHandle;
import dev.kiln.core.spi.LongRunningOperation;
import dev.kiln.jobs.model.Run;
import dev.kiln.jobs.model.RunLifeCycleState;
import dev.kiln.jobs.model.RunResult;
import dev.kiln.jobs.model.RunTask;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A job run (or one-time run) on its way to an end; {@link #id()} is the run id. Polls
 * {@code runs/get} with the gaps of {@link JobsOptions} and ends on every terminal state:
 * <ul>
 *   <li>TERMINATED with SUCCESS (or SUCCESS_WITH_FAILURES) → a {@link RunResult}: the run and the
 *       output of each task ({@code runs/get-output} per task run);</li>
 *   <li>any other result (FAILED, TIMEDOUT, CANCELED, UPSTREAM_FAILED, ...), SKIPPED and
 *       INTERNAL_ERROR → {@link RunFailedException} with the state message, the failed tasks' errors
 *       and the run page URL.</li>
 * </ul>
 * BLOCKED and WAITING_FOR_RETRY are still in progress. {@link #status()} is the life-cycle state
 * (read from the 2.2 {@code status} when {@code state} is absent). Listeners hear of every change of
 * the run's or any task's state. Cancelling {@link #resultAsync()} cancels the run on the server;
 * {@link #await()} gives up after {@link JobsOptions#runTimeout()} and leaves the run going.
 */
public final class RunHandle extends OperationHandle<Run, RunLifeCycleState, RunResult> {
  private final long runId;

  RunHandle(long runId, LongRunningOperation<Run, RunResult> operation) {
    super(String.valueOf(runId), operation, RunLifeCycleState.class, RunHandle::rawStatusOf);
    this.runId = runId;
  }

  /**
   * The id of the run this handle follows (the same as {@link #id()}, as a number).
   *
   * @return the run id
   */
  public long runId() {
    return runId;
  }

  /** The run page URL, once a poll has seen it. */
  public Optional<String> runPageUrl() {
    return lastState().flatMap(Run::runPageUrl);
  }

  static String rawStatusOf(Run run) {
    RunLifeCycleState typed = run.lifeCycleState();
    return typed == RunLifeCycleState.UNKNOWN ? run.rawLifeCycleState().orElse(null) : typed.name();
  }

  /** What counts as a change for listeners: the run's state and result, and every task's. */
  static String progressOf(Run run) {
    return rawStatusOf(run) + "/" + run.resultState().map(Enum::name).orElse("") + " "
        + run.tasks().stream().map(RunHandle::taskProgress).collect(Collectors.joining(","));
  }

  private static String taskProgress(RunTask task) {
    return task.taskKey() + "=" + task.lifeCycleState() + "/" + task.resultState().map(Enum::name).orElse("");
  }
}
