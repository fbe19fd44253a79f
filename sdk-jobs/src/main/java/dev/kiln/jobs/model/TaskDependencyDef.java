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
  @JsonProperty("task_key")
  public abstract String taskKey();

  @JsonProperty("outcome")
  public abstract Optional<String> outcome();

  public static TaskDependency on(String taskKey) {
    return TaskDependency.builder().taskKey(taskKey).build();
  }
}
