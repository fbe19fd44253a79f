package dev.kiln.jobs.model;

import java.util.Optional;
import org.immutables.value.Value;

/** Which jobs {@code list} returns: all, or those named exactly {@code name} (ignoring case), with or without their tasks. */
@Value.Immutable
abstract class JobListFilterDef {
  /** Only jobs with exactly this name, ignoring case ({@code name}); every job when absent. */
  public abstract Optional<String> name();

  /**
   * Whether each job comes with its tasks and job clusters ({@code expand_tasks}); false by
   * default.
   */
  @Value.Default
  public boolean expandTasks() {
    return false;
  }

  /** Jobs per request, 1 to 100; default: the client's option. */
  public abstract Optional<Integer> pageSize();

  /**
   * A filter selecting every job, without tasks.
   *
   * @return the filter
   */
  public static JobListFilter all() {
    return JobListFilter.builder().build();
  }

  /**
   * A filter selecting the jobs named {@code name}, ignoring case.
   *
   * @param name the exact job name, not blank
   * @return the filter
   */
  public static JobListFilter named(String name) {
    return JobListFilter.builder().name(name).build();
  }
}
