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
  /** Only this job's runs ({@code job_id}); every job's when absent. */
  public abstract OptionalLong jobId();

  /**
   * Only runs still pending, queued, running or terminating ({@code active_only}); false by
   * default, exclusive with {@link #completedOnly()}.
   */
  @Value.Default
  public boolean activeOnly() {
    return false;
  }

  /**
   * Only ended runs ({@code completed_only}); false by default, exclusive with
   * {@link #activeOnly()}.
   */
  @Value.Default
  public boolean completedOnly() {
    return false;
  }

  /** Only runs of this kind ({@code run_type}); every kind when absent. */
  public abstract Optional<RunType> runType();

  /**
   * Only runs that started at or after this instant ({@code start_time_from}, sent in
   * milliseconds).
   */
  public abstract Optional<Instant> startTimeFrom();

  /**
   * Only runs that started at or before this instant ({@code start_time_to}, sent in milliseconds).
   */
  public abstract Optional<Instant> startTimeTo();

  /**
   * Whether each run comes with its tasks and cluster details ({@code expand_tasks}); false by
   * default.
   */
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
