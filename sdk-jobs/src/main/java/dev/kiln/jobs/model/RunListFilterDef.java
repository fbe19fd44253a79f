package dev.kiln.jobs.model;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import org.immutables.value.Value;

/**
 * Which runs {@code runs/list} returns (newest first): one job's or all, only active or only
 * completed ones, one run type, a start-time window, with or without their tasks.
 */
@Value.Immutable
abstract class RunListFilterDef {
  public abstract OptionalLong jobId();

  @Value.Default
  public boolean activeOnly() {
    return false;
  }

  @Value.Default
  public boolean completedOnly() {
    return false;
  }

  public abstract Optional<RunType> runType();

  public abstract Optional<Instant> startTimeFrom();

  public abstract Optional<Instant> startTimeTo();

  @Value.Default
  public boolean expandTasks() {
    return false;
  }

  /** Runs per request, 1 to 25 (the server's maximum); default: the client's option. */
  public abstract Optional<Integer> pageSize();

  /** Every run of every job. */
  public static RunListFilter all() {
    return RunListFilter.builder().build();
  }

  /** The runs of one job. */
  public static RunListFilter ofJob(long jobId) {
    return RunListFilter.builder().jobId(jobId).build();
  }
}
