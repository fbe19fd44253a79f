package dev.kiln.jobs;

import dev.kiln.core.ApiRequest;
import dev.kiln.core.DatabricksClient;
import dev.kiln.core.PagedIterable;
import dev.kiln.core.spi.Args;
import dev.kiln.core.spi.Calls;
import dev.kiln.core.spi.Futures;
import dev.kiln.core.spi.Poller;
import dev.kiln.jobs.internal.Bodies;
import dev.kiln.jobs.internal.ChainedOperation;
import dev.kiln.jobs.internal.JobChecks;
import dev.kiln.jobs.internal.PagedMerge;
import dev.kiln.jobs.internal.Replies;
import dev.kiln.jobs.model.Job;
import dev.kiln.jobs.model.JobListFilter;
import dev.kiln.jobs.model.JobSettings;
import dev.kiln.jobs.model.RepairRunRequest;
import dev.kiln.jobs.model.Run;
import dev.kiln.jobs.model.RunListFilter;
import dev.kiln.jobs.model.RunNowRequest;
import dev.kiln.jobs.model.RunOutput;
import dev.kiln.jobs.model.RunResult;
import dev.kiln.jobs.model.RunTask;
import dev.kiln.jobs.model.SubmitRunRequest;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Jobs (API 2.2): create and change jobs, trigger runs and follow them with a {@link RunHandle},
 * read their output. Thread-safe; a thin layer over a {@link DatabricksClient}, so create as many as
 * convenient. Every call has an {@code *Async} twin that never throws; bad input (a non-positive
 * id, an invalid task key, a dependency on a missing task, an idempotency token over 64 characters,
 * params over 10,000 bytes of JSON, ...) is rejected with {@code InvalidRequestException} before
 * anything is sent.
 *
 * <p>{@code run-now} and {@code runs/submit} carry an idempotency token (generated when the request
 * has none), so they are retried like safe calls: a retried POST returns the run the first attempt
 * started instead of starting a second one.
 */
public final class JobsClient {
  private static final String JOBS = "/api/2.2/jobs";
  private static final int MAX_PAGES = 10_000;

  private final DatabricksClient db;
  private final JobsOptions options;

  private JobsClient(DatabricksClient db, JobsOptions options) {
    this.db = db;
    this.options = options;
  }

  /** A client with {@link JobsOptions#defaults()}. */
  public static JobsClient create(DatabricksClient db) {
    return create(db, JobsOptions.defaults());
  }

  /**
   * A client over {@code db} with the given tuning.
   *
   * @param db the workspace client to send through; not null
   * @param options polling, run timeout and page sizes; not null
   * @return the client
   * @throws dev.kiln.core.error.InvalidRequestException if either argument is null
   */
  public static JobsClient create(DatabricksClient db, JobsOptions options) {
    return new JobsClient(Args.notNull(db, "db"), Args.notNull(options, "options"));
  }

  /**
   * The tuning this client was created with.
   *
   * @return the options, never null
   */
  public JobsOptions options() {
    return options;
  }

  // ---- jobs ------------------------------------------------------------------------------

  /** Creates a job and returns its id. */
  public long create(JobSettings settings) {
    return Calls.join(createAsync(settings));
  }

  /**
   * As {@link #create(JobSettings)}, without blocking; inconsistent settings (a task or job cluster
   * key used twice, a dependency on a missing task) fail the future with
   * {@code InvalidRequestException} before anything is sent. Not retried after an unclear failure
   * (it could create the job twice).
   *
   * @param settings the new job's settings; not null
   * @return completes with the new job's id
   */
  public CompletableFuture<Long> createAsync(JobSettings settings) {
    return Calls.async(() -> Futures.map(db.callAsync(post("/create").jsonBody(JobChecks.wholeSettings(settings)).build(),
        Replies.Created.class), r -> r.jobId));
  }

  /** The job with all its tasks, job clusters and parameters (2.2 pages of 100 are followed and merged). */
  public Job get(long jobId) {
    return Calls.join(getAsync(jobId));
  }

  /**
   * As {@link #get(long)}, without blocking.
   *
   * @param jobId the job's id, positive
   * @return completes with the job, its pages merged
   */
  public CompletableFuture<Job> getAsync(long jobId) {
    return Calls.async(() -> {
      JobChecks.id(jobId, "jobId");
      return allPages(token -> db.callAsync(ApiRequest.get(JOBS + "/get").query("job_id", jobId)
          .query("page_token", token).build(), Job.class), Job::nextPageToken, PagedMerge::jobs)
          .thenApply(j -> j.withNextPageToken(Optional.empty()));
    });
  }

  /** Every job, lazily, {@link JobsOptions#jobsPageSize()} per request. */
  public PagedIterable<Job> list() {
    return list(JobListFilter.all());
  }

  /** The jobs the filter selects (an exact name, ignoring case; with or without their tasks), lazily. */
  public PagedIterable<Job> list(JobListFilter filter) {
    Args.notNull(filter, "filter");
    filter.name().ifPresent(n -> Args.notBlank(n, "name"));
    int limit = JobChecks.between(filter.pageSize().orElse(options.jobsPageSize()), "pageSize", 1, 100);
    return PagedIterable.of(token -> db.call(ApiRequest.get(JOBS + "/list")
        .query("limit", limit)
        .query("name", filter.name().orElse(null))
        .query("expand_tasks", filter.expandTasks() ? true : null)
        .query("page_token", token)
        .build(), Replies.JobList.class).toPage());
  }

  /** Replaces all of a job's settings. */
  public void reset(long jobId, JobSettings newSettings) {
    Calls.join(resetAsync(jobId, newSettings));
  }

  /**
   * As {@link #reset(long, JobSettings)}, without blocking.
   *
   * @param jobId the job's id, positive
   * @param newSettings the job's complete new settings; not null
   * @return completes when replaced
   */
  public CompletableFuture<Void> resetAsync(long jobId, JobSettings newSettings) {
    return Calls.async(() -> {
      JobChecks.id(jobId, "jobId");
      JobChecks.wholeSettings(newSettings);
      return discard(post("/reset").jsonBody(new Bodies.NewSettings(jobId, newSettings, List.of())).idempotent(true));
    });
  }

  /** Changes the fields set in {@code newSettings} (tasks merge by key). */
  public void update(long jobId, JobSettings newSettings) {
    update(jobId, newSettings, List.of());
  }

  /**
   * As {@link #update(long, JobSettings)}, without blocking.
   *
   * @param jobId the job's id, positive
   * @param newSettings only the fields to change; not null
   * @return completes when updated
   */
  public CompletableFuture<Void> updateAsync(long jobId, JobSettings newSettings) {
    return updateAsync(jobId, newSettings, List.of());
  }

  /**
   * Changes the fields set in {@code newSettings} and removes {@code fieldsToRemove}, e.g.
   * {@code "tasks/cleanup"} or {@code "schedule"}.
   */
  public void update(long jobId, JobSettings newSettings, Collection<String> fieldsToRemove) {
    Calls.join(updateAsync(jobId, newSettings, fieldsToRemove));
  }

  /**
   * As {@link #update(long, JobSettings, Collection)}, without blocking.
   *
   * @param jobId the job's id, positive
   * @param newSettings only the fields to change; not null
   * @param fieldsToRemove top-level fields or {@code tasks/<key>}, {@code job_clusters/<key>}
   *     entries to remove; not null
   * @return completes when updated
   */
  public CompletableFuture<Void> updateAsync(long jobId, JobSettings newSettings, Collection<String> fieldsToRemove) {
    return Calls.async(() -> {
      JobChecks.id(jobId, "jobId");
      JobChecks.partialSettings(newSettings);
      Args.notNull(fieldsToRemove, "fieldsToRemove").forEach(f -> Args.notBlank(f, "a field to remove"));
      return discard(post("/update").jsonBody(new Bodies.NewSettings(jobId, newSettings, List.copyOf(fieldsToRemove)))
          .idempotent(true));
    });
  }

  /**
   * Deletes a job and its settings; it can no longer be run.
   *
   * @param jobId the job's id, positive
   */
  public void delete(long jobId) {
    Calls.join(deleteAsync(jobId));
  }

  /**
   * As {@link #delete(long)}, without blocking.
   *
   * @param jobId the job's id, positive
   * @return completes when the job is gone
   */
  public CompletableFuture<Void> deleteAsync(long jobId) {
    return Calls.async(() -> discard(post("/delete").jsonBody(new Bodies.JobId(JobChecks.id(jobId, "jobId")))
        .idempotent(true)));
  }

  // ---- runs ------------------------------------------------------------------------------

  /** Runs the job with its defaults; the handle waits for the run to end. */
  public RunHandle runNow(long jobId) {
    return runNow(RunNowRequest.of(jobId));
  }

  /**
   * As {@link #runNow(long)}, without blocking.
   *
   * @param jobId the job's id, positive
   * @return completes with a handle on the new run once the server accepted it
   */
  public CompletableFuture<RunHandle> runNowAsync(long jobId) {
    return runNowAsync(RunNowRequest.of(jobId));
  }

  /**
   * Runs the job with the request's parameters; an idempotency token is generated when none is set,
   * so a retried request never starts a second run.
   *
   * @param request the job and its parameters; not null
   * @return a handle that waits for the run to end
   */
  public RunHandle runNow(RunNowRequest request) {
    return Calls.join(runNowAsync(request));
  }

  /**
   * As {@link #runNow(RunNowRequest)}, without blocking.
   *
   * @param request the job and its parameters; not null
   * @return completes with a handle on the new run once the server accepted it
   */
  public CompletableFuture<RunHandle> runNowAsync(RunNowRequest request) {
    return Calls.async(() -> {
      RunNowRequest checked = JobChecks.runNow(request);
      RunNowRequest body = checked.idempotencyToken().isPresent() ? checked
          : checked.withIdempotencyToken(UUID.randomUUID().toString());
      return Futures.map(db.callAsync(post("/run-now").jsonBody(body).idempotent(true).build(), Replies.Started.class),
          started -> handle(started.runId));
    });
  }

  /** Starts a one-time run (not saved as a job). */
  public RunHandle submit(SubmitRunRequest request) {
    return Calls.join(submitAsync(request));
  }

  /**
   * As {@link #submit(SubmitRunRequest)}, without blocking.
   *
   * @param request the tasks and settings of the one-time run; not null
   * @return completes with a handle on the new run once the server accepted it
   */
  public CompletableFuture<RunHandle> submitAsync(SubmitRunRequest request) {
    return Calls.async(() -> {
      SubmitRunRequest checked = JobChecks.submit(request);
      SubmitRunRequest body = checked.idempotencyToken().isPresent() ? checked
          : checked.withIdempotencyToken(UUID.randomUUID().toString());
      return Futures.map(db.callAsync(post("/runs/submit").jsonBody(body).idempotent(true).build(),
          Replies.Started.class), started -> handle(started.runId));
    });
  }

  /**
   * A handle on a run started elsewhere (a schedule, a repair, another process); polling starts
   * after {@link JobsOptions#pollInitialDelay()}.
   */
  public RunHandle handle(long runId) {
    JobChecks.id(runId, "runId");
    Poller<Run, Run> poller = Poller.<Run, Run>builder(db)
        .poll(() -> getRunAsync(runId))
        .isTerminal(r -> r.lifeCycleState().isTerminal())
        .result(Function.identity())
        .cancel(() -> cancelRunAsync(runId))
        .statusOf(RunHandle::progressOf)
        .initialDelay(options.pollInitialDelay())
        .maxDelay(options.pollMaxDelay())
        .multiplier(options.pollMultiplier())
        .timeout(options.runTimeout())
        .description("run " + runId)
        .start();
    return new RunHandle(runId, new ChainedOperation<>(poller, this::withOutputs));
  }

  /** The finished run with each task's output, or the typed failure carrying what could be read. */
  private CompletableFuture<RunResult> withOutputs(Run run) {
    boolean success = run.resultState().map(r -> r.isSuccess()).orElse(false);
    Map<String, CompletableFuture<RunOutput>> pending = new LinkedHashMap<>();
    for (RunTask task : run.tasks()) {
      if (task.runId() > 0) {
        CompletableFuture<RunOutput> output = getRunOutputAsync(task.runId());
        pending.put(task.taskKey(), success ? output : output.exceptionally(e -> null));
      }
    }
    return CompletableFuture.allOf(pending.values().toArray(new CompletableFuture<?>[0])).thenApply(v -> {
      Map<String, RunOutput> outputs = new LinkedHashMap<>();
      pending.forEach((key, f) -> {
        RunOutput o = f.join();
        if (o != null) {
          outputs.put(key, o);
        }
      });
      if (!success) {
        throw new RunFailedException(run, outputs);
      }
      return RunResult.builder().run(run).outputs(outputs).build();
    });
  }

  /** The run with all its tasks, iterations and parameters (2.2 pages of 100 are followed and merged). */
  public Run getRun(long runId) {
    return Calls.join(getRunAsync(runId));
  }

  /**
   * As {@link #getRun(long)}, without blocking.
   *
   * @param runId the run's id, positive
   * @return completes with the run, its pages merged
   */
  public CompletableFuture<Run> getRunAsync(long runId) {
    return Calls.async(() -> {
      JobChecks.id(runId, "runId");
      return allPages(token -> db.callAsync(ApiRequest.get(JOBS + "/runs/get").query("run_id", runId)
          .query("page_token", token).build(), Run.class), Run::nextPageToken, PagedMerge::runs)
          .thenApply(r -> r.withNextPageToken(Optional.empty()));
    });
  }

  /** Every run of every job, newest first, lazily. */
  public PagedIterable<Run> listRuns() {
    return listRuns(RunListFilter.all());
  }

  /**
   * The runs the filter selects, newest first, lazily ({@link JobsOptions#runsPageSize()} per
   * request unless the filter sets a page size).
   *
   * @param filter which runs; not null
   * @return the runs, fetched as iterated
   * @throws dev.kiln.core.error.InvalidRequestException at once if the filter is contradictory
   *     (active and completed only) or out of range
   */
  public PagedIterable<Run> listRuns(RunListFilter filter) {
    JobChecks.runFilter(filter);
    int limit = filter.pageSize().orElse(options.runsPageSize());
    return PagedIterable.of(token -> db.call(ApiRequest.get(JOBS + "/runs/list")
        .query("job_id", filter.jobId().isPresent() ? filter.jobId().getAsLong() : null)
        .query("active_only", filter.activeOnly() ? true : null)
        .query("completed_only", filter.completedOnly() ? true : null)
        .query("run_type", filter.runType().map(Enum::name).orElse(null))
        .query("start_time_from", filter.startTimeFrom().map(i -> i.toEpochMilli()).orElse(null))
        .query("start_time_to", filter.startTimeTo().map(i -> i.toEpochMilli()).orElse(null))
        .query("expand_tasks", filter.expandTasks() ? true : null)
        .query("limit", limit)
        .query("page_token", token)
        .build(), Replies.RunList.class).toPage());
  }

  /** Asks the server to cancel the run; it ends CANCELED shortly after (cancelling is asynchronous). */
  public void cancelRun(long runId) {
    Calls.join(cancelRunAsync(runId));
  }

  /**
   * As {@link #cancelRun(long)}, without blocking.
   *
   * @param runId the run's id, positive
   * @return completes when the server accepted the cancellation (the run ends later)
   */
  public CompletableFuture<Void> cancelRunAsync(long runId) {
    return Calls.async(() -> discard(post("/runs/cancel").jsonBody(new Bodies.RunId(JobChecks.id(runId, "runId")))
        .idempotent(true)));
  }

  /** Cancels every active run of the job. */
  public void cancelAllRuns(long jobId) {
    Calls.join(cancelAllRunsAsync(jobId));
  }

  /**
   * As {@link #cancelAllRuns(long)}, without blocking.
   *
   * @param jobId the job's id, positive
   * @return completes when the server accepted the cancellation
   */
  public CompletableFuture<Void> cancelAllRunsAsync(long jobId) {
    return Calls.async(() -> discard(post("/runs/cancel-all").jsonBody(new Bodies.JobId(JobChecks.id(jobId, "jobId")))
        .idempotent(true)));
  }

  /** Cancels every queued run of every job. */
  public void cancelAllQueuedRuns() {
    Calls.join(cancelAllQueuedRunsAsync());
  }

  /**
   * As {@link #cancelAllQueuedRuns()}, without blocking.
   *
   * @return completes when the server accepted the cancellation
   */
  public CompletableFuture<Void> cancelAllQueuedRunsAsync() {
    return Calls.async(() -> discard(post("/runs/cancel-all").jsonBody(new Bodies.AllQueuedRuns()).idempotent(true)));
  }

  /**
   * The output of one task run: pass a {@code tasks[].run_id}, even for a single-task job (the
   * server refuses a run with several tasks).
   */
  public RunOutput getRunOutput(long taskRunId) {
    return Calls.join(getRunOutputAsync(taskRunId));
  }

  /**
   * As {@link #getRunOutput(long)}, without blocking.
   *
   * @param taskRunId the task run's id ({@code tasks[].run_id}), positive
   * @return completes with the task's output
   */
  public CompletableFuture<RunOutput> getRunOutputAsync(long taskRunId) {
    return Calls.async(() -> db.callAsync(ApiRequest.get(JOBS + "/runs/get-output")
        .query("run_id", JobChecks.id(taskRunId, "taskRunId")).build(), RunOutput.class));
  }

  /** Deletes an inactive run. */
  public void deleteRun(long runId) {
    Calls.join(deleteRunAsync(runId));
  }

  /**
   * As {@link #deleteRun(long)}, without blocking.
   *
   * @param runId the run's id, positive
   * @return completes when the run is gone
   */
  public CompletableFuture<Void> deleteRunAsync(long runId) {
    return Calls.async(() -> discard(post("/runs/delete").jsonBody(new Bodies.RunId(JobChecks.id(runId, "runId")))
        .idempotent(true)));
  }

  /**
   * Re-runs tasks of a finished run and returns the repair id (the {@code latestRepairId} of the
   * next repair); follow the run again with {@link #handle(long)}.
   */
  public long repairRun(RepairRunRequest request) {
    return Calls.join(repairRunAsync(request));
  }

  /**
   * As {@link #repairRun(RepairRunRequest)}, without blocking.
   *
   * @param request the run and the tasks to re-run; not null
   * @return completes with the repair id
   */
  public CompletableFuture<Long> repairRunAsync(RepairRunRequest request) {
    return Calls.async(() -> Futures.map(db.callAsync(post("/runs/repair").jsonBody(JobChecks.repair(request)).build(),
        Replies.Repaired.class), r -> r.repairId));
  }

  // ---- plumbing --------------------------------------------------------------------------

  private static ApiRequest.Builder post(String path) {
    return ApiRequest.post(JOBS + path);
  }

  private CompletableFuture<Void> discard(ApiRequest.Builder request) {
    return Futures.map(db.callAsync(request.build(), com.fasterxml.jackson.databind.JsonNode.class), r -> null);
  }

  /** Fetches the first page, then each next page while a new token comes, merging as it goes. */
  private static <T> CompletableFuture<T> allPages(Function<String, CompletableFuture<T>> fetch,
      Function<T, Optional<String>> nextToken, BiFunction<T, T, T> merge) {
    return nextPage(fetch, nextToken, merge, null, null, 0);
  }

  private static <T> CompletableFuture<T> nextPage(Function<String, CompletableFuture<T>> fetch,
      Function<T, Optional<String>> nextToken, BiFunction<T, T, T> merge, String token, T acc, int pages) {
    return Futures.compose(fetch.apply(token), page -> {
      T merged = acc == null ? page : merge.apply(acc, page);
      Optional<String> next = nextToken.apply(page).filter(t -> !t.isEmpty());
      // A token that repeats (or an endless chain) would loop forever: stop with what was read.
      if (next.isEmpty() || next.get().equals(token) || pages + 1 >= MAX_PAGES) {
        return CompletableFuture.completedFuture(merged);
      }
      return nextPage(fetch, nextToken, merge, next.get(), merged, pages + 1);
    });
  }

  /**
   * The client's name and its workspace client's description (which never includes a credential).
   */
  @Override
  public String toString() {
    return "JobsClient[" + db + "]";
  }
}
