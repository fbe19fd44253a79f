package dev.kiln.jobs.model;

import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A finished run with the output of each of its tasks (what {@code RunHandle.await()} returns):
 * {@code result.output("ingest").notebookResult()}.
 */
@Value.Immutable
abstract class RunResultDef {
  /** The run in its final, successful state. */
  public abstract Run run();

  /** Each task's output by task key. */
  public abstract Map<String, RunOutput> outputs();

  /** The output of the task {@code taskKey}, if the run has such a task. */
  public Optional<RunOutput> output(String taskKey) {
    return Optional.ofNullable(outputs().get(taskKey));
  }

  /** The notebook result of task {@code taskKey}, if it exited with a value. */
  public Optional<String> notebookResult(String taskKey) {
    return output(taskKey).flatMap(RunOutput::notebookResult);
  }
}
