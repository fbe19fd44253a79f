package dev.kiln.jobs.model;

import java.util.Optional;
import org.immutables.value.Value;

/** Which jobs {@code list} returns: all, or those named exactly {@code name} (ignoring case), with or without their tasks. */
@Value.Immutable
abstract class JobListFilterDef {
  public abstract Optional<String> name();

  @Value.Default
  public boolean expandTasks() {
    return false;
  }

  /** Jobs per request, 1 to 100; default: the client's option. */
  public abstract Optional<Integer> pageSize();

  public static JobListFilter all() {
    return JobListFilter.builder().build();
  }

  public static JobListFilter named(String name) {
    return JobListFilter.builder().name(name).build();
  }
}
