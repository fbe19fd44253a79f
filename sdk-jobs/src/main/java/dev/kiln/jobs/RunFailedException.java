package dev.kiln.jobs;

import dev.kiln.core.error.OperationFailedException;
import dev.kiln.jobs.model.Run;
import dev.kiln.jobs.model.RunLifeCycleState;
import dev.kiln.jobs.model.RunOutput;
import dev.kiln.jobs.model.RunResultState;
import dev.kiln.jobs.model.RunTask;
import dev.kiln.jobs.model.TerminationDetails;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A run ended without success: its result is FAILED, TIMEDOUT, CANCELED, UPSTREAM_FAILED,
 * MAXIMUM_CONCURRENT_RUNS_REACHED, ..., or it ended SKIPPED or in INTERNAL_ERROR. The message carries
 * the state message, each failed task's error and the run page URL; {@link #run()} is the final
 * state and {@link #outputs()} the output of each task (by task key) as far as it could be read.
 */
public class RunFailedException extends OperationFailedException {
  private static final long serialVersionUID = 1L;

  private final transient Run run;
  private final transient Map<String, RunOutput> outputs;

  /**
   * A failure for {@code run}, its message built from the run's state and the failed tasks' errors.
   *
   * @param run the run in its final state
   * @param outputs the output of each task that could be read, by task key; copied
   */
  public RunFailedException(Run run, Map<String, RunOutput> outputs) {
    super(describe(run, outputs), String.valueOf(run.runId()));
    this.run = run;
    this.outputs = Map.copyOf(outputs);
  }

  /**
   * The run in its final state.
   *
   * @return the run as the last poll saw it
   */
  public Run run() {
    return run;
  }

  /**
   * The failed run's id.
   *
   * @return the run id
   */
  public long runId() {
    return run.runId();
  }

  /**
   * How the run ended: TERMINATED, SKIPPED or INTERNAL_ERROR.
   *
   * @return the final life-cycle state
   */
  public RunLifeCycleState lifeCycleState() {
    return run.lifeCycleState();
  }

  /** The result state, absent for a run that ended SKIPPED or in INTERNAL_ERROR without one. */
  public Optional<RunResultState> resultState() {
    return run.resultState();
  }

  /** {@code status.termination_details.code} (open: RUN_EXECUTION_ERROR, USER_CANCELED, ...), if sent. */
  public Optional<String> terminationCode() {
    return run.status().flatMap(s -> s.terminationDetails()).flatMap(TerminationDetails::code);
  }

  /**
   * The server's explanation of the final state ({@code state.state_message}), if it sent one.
   *
   * @return the message, or empty
   */
  public Optional<String> stateMessage() {
    return run.stateMessage();
  }

  /**
   * The run's page in the workspace UI, to look at its logs.
   *
   * @return the URL, or empty when the server sent none
   */
  public Optional<String> runPageUrl() {
    return run.runPageUrl();
  }

  /** The output of each task that could be read, by task key: its {@code error} and {@code error_trace}. */
  public Map<String, RunOutput> outputs() {
    return outputs;
  }

  private static String describe(Run run, Map<String, RunOutput> outputs) {
    StringBuilder s = new StringBuilder("run ").append(run.runId());
    run.jobId().ifPresent(id -> s.append(" of job ").append(id));
    s.append(" ended ").append(run.rawLifeCycleState().orElse("?"));
    run.resultState().ifPresent(r -> s.append(" with ").append(run.state().flatMap(st -> st.rawResultState()).orElse(r.name())));
    run.stateMessage().ifPresent(m -> s.append(": ").append(m));
    String tasks = run.tasks().stream()
        .filter(t -> t.resultState().map(r -> !r.isSuccess()).orElse(false))
        .map(t -> describeTask(t, outputs.get(t.taskKey())))
        .collect(Collectors.joining("; "));
    if (!tasks.isEmpty()) {
      s.append("; failed tasks: ").append(tasks);
    }
    run.runPageUrl().ifPresent(url -> s.append(" (").append(url).append(")"));
    return s.toString();
  }

  private static String describeTask(RunTask task, RunOutput output) {
    String text = task.taskKey() + " " + task.resultState().map(Enum::name).orElse("?");
    Optional<String> why = Optional.ofNullable(output).flatMap(RunOutput::error).or(task::stateMessage);
    return why.map(w -> text + " (" + w + ")").orElse(text);
  }
}
