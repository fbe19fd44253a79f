package dev.kiln.jobs.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/** One entry of {@code depends_on}: the task to wait for and, for a condition task, the outcome. */
@Value.Immutable
@JsonSerialize(as = TaskDependency.class)
@JsonDeserialize(as = TaskDependency.class)
abstract class TaskDependencyDef {
  /** The key of the task to wait for ({@code task_key}). */
  @JsonProperty("task_key")
  public abstract String taskKey();

  /**
   * For a condition task, the outcome that lets this task run ({@code outcome}): {@code "true"} or
   * {@code "false"}.
   */
  @JsonProperty("outcome")
  public abstract Optional<String> outcome();

  /**
   * A dependency on the task keyed {@code taskKey}, whatever its outcome.
   *
   * @param taskKey the task to wait for
   * @return the dependency
   */
  public static TaskDependency on(String taskKey) {
    return TaskDependency.builder().taskKey(taskKey).build();
  }
}
