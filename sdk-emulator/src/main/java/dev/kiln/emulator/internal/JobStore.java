package dev.kiln.emulator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The workspace's jobs and runs, and the scheduler that moves them on. Like the clusters, runs move on the
 * workspace clock and are settled when read: each run QUEUED (until {@code max_concurrent_runs} lets it start)
 * → PENDING → RUNNING → TERMINATING → TERMINATED, each task within it BLOCKED until its {@code depends_on} are
 * done (then by its {@code run_if} it runs or ends UPSTREAM_FAILED/EXCLUDED), PENDING → RUNNING → TERMINATING →
 * TERMINATED. Each step lasts the workspace's job step time; a notebook task stays RUNNING until its notebook
 * (run through the execution-context engine) ends. Every method settles first, under this store's lock.
 */
final class JobStore {
  private static final long FIRST_JOB_ID = 100_000_000_000_001L; // beyond 2^31: ids are int64
  private static final long FIRST_RUN_ID = 500_000_000_000_001L;

  /** A scripted end for every task with a key: fail with a message, or time out. */
  private static final class Script {
    final boolean timeOut;
    final String message;

    Script(boolean timeOut, String message) {
      this.timeOut = timeOut;
      this.message = message;
    }
  }

  /** A saved job. */
  static final class JobRecord {
    final long jobId;
    final Instant createdAt;
    ObjectNode settings;
    long runCount;

    JobRecord(long jobId, ObjectNode settings, Instant createdAt) {
      this.jobId = jobId;
      this.settings = settings;
      this.createdAt = createdAt;
    }

    String name() {
      return settings.path("name").asText("Untitled");
    }

    ObjectNode toJson(boolean withTasks) {
      ObjectNode json = Json.object();
      json.put("job_id", jobId);
      json.put("creator_user_name", LocalIdentity.USER_NAME);
      json.put("run_as_user_name", LocalIdentity.USER_NAME);
      json.put("created_time", createdAt.toEpochMilli());
      ObjectNode shown = settings.deepCopy();
      if (!withTasks) {
        shown.remove("tasks");
        shown.remove("job_clusters");
      }
      json.set("settings", shown);
      return json;
    }
  }

  private final Clock clock;
  private final Duration step;
  private final NotebookSources notebooks;
  private final NotebookRunner runner;
  private final String defaultClusterId;
  private final Map<Long, JobRecord> jobs = new LinkedHashMap<>();
  private final Map<Long, JobRun> runs = new LinkedHashMap<>(); // creation order
  private final Map<String, Long> tokens = new HashMap<>();
  private final Map<String, Script> scripts = new ConcurrentHashMap<>();
  private long nextJobId = FIRST_JOB_ID;
  private long nextRunId = FIRST_RUN_ID;
  private long nextRepairId = 700_000_000_000_001L;

  JobStore(Clock clock, Duration step, NotebookSources notebooks, NotebookRunner runner, String defaultClusterId) {
    this.clock = clock;
    this.step = step;
    this.notebooks = notebooks;
    this.runner = runner;
    this.defaultClusterId = defaultClusterId;
  }

  // ---- scripting (seeding methods)

  void failTask(String taskKey, String message) {
    scripts.put(taskKey, new Script(false, message));
  }

  void timeOutTask(String taskKey) {
    scripts.put(taskKey, new Script(true, null));
  }

  // ---- jobs

  synchronized long createJob(ObjectNode settings) {
    long id = nextJobId++;
    jobs.put(id, new JobRecord(id, settings, clock.instant()));
    return id;
  }

  synchronized JobRecord job(long jobId) {
    JobRecord job = jobs.get(jobId);
    if (job == null) {
      throw ApiException.invalidParameter("Job " + jobId + " does not exist.");
    }
    return job;
  }

  synchronized List<JobRecord> jobs() {
    return new ArrayList<>(jobs.values());
  }

  synchronized void deleteJob(long jobId) {
    job(jobId);
    jobs.remove(jobId);
  }

  // ---- runs

  /** {@code run-now}: a new run, or the run an earlier call with the same idempotency token started. */
  synchronized JobRun runNow(JobRecord job, JsonNode body) {
    Optional<JobRun> earlier = byToken(body);
    if (earlier.isPresent()) {
      return earlier.get();
    }
    settleAll();
    Instant now = clock.instant();
    ObjectNode settings = job.settings;
    JobRun run = new JobRun(nextRunId++, job.jobId, job.name(), ++job.runCount, "JOB_RUN", "ONE_TIME",
        settings.path("max_concurrent_runs").asInt(1), settings.path("timeout_seconds").asLong(0), now);
    // job parameters: defaults, overridden by the request
    JsonNode overrides = body.path("job_parameters");
    for (JsonNode p : settings.path("parameters")) {
      String name = p.path("name").asText();
      String value = overrides.has(name) ? overrides.get(name).asText() : p.path("default").asText("");
      run.jobParameters.addObject().put("name", name).put("default", p.path("default").asText("")).put("value", value);
      run.taskParameters.put(name, value);
    }
    overrides.fields().forEachRemaining(e -> run.taskParameters.putIfAbsent(e.getKey(), e.getValue().asText()));
    body.path("notebook_params").fields().forEachRemaining(e -> run.taskParameters.put(e.getKey(), e.getValue().asText()));
    for (String field : new String[] {"notebook_params", "python_params", "python_named_params", "jar_params", "sql_params"}) {
      if (JobRun.hasParams(body, field)) {
        run.overridingParameters.set(field, body.get(field).deepCopy());
      }
    }
    List<String> only = new ArrayList<>();
    body.path("only").forEach(k -> only.add(k.asText()));
    for (JsonNode task : settings.path("tasks")) {
      if (only.isEmpty() || only.contains(task.path("task_key").asText())) {
        ObjectNode spec = task.deepCopy();
        if (!only.isEmpty()) {
          ArrayNode deps = spec.putArray("depends_on");
          task.path("depends_on").forEach(d -> {
            if (only.contains(d.path("task_key").asText())) {
              deps.add(d);
            }
          });
        }
        run.tasks.add(new TaskRun(nextRunId++, spec, 0, now));
      }
    }
    boolean queueEnabled = settings.path("queue").path("enabled").asBoolean(true);
    if (!queueEnabled && activeRunsOf(job.jobId, run) >= run.maxConcurrentRuns) {
      run.lifeCycle = RunLifeCycle.SKIPPED;
      run.resultState = "MAXIMUM_CONCURRENT_RUNS_REACHED";
      run.stateMessage = "Skipped: the job already has " + run.maxConcurrentRuns
          + " active run(s), its maximum of concurrent runs, and queueing is disabled.";
      run.endTime = now;
    }
    return remember(run, body);
  }

  /** {@code runs/submit}: a one-time run. */
  synchronized JobRun submit(JsonNode body) {
    Optional<JobRun> earlier = byToken(body);
    if (earlier.isPresent()) {
      return earlier.get();
    }
    settleAll();
    Instant now = clock.instant();
    JobRun run = new JobRun(nextRunId++, null, body.path("run_name").asText("Untitled"), 0, "SUBMIT_RUN", "ONE_TIME",
        Integer.MAX_VALUE, body.path("timeout_seconds").asLong(0), now);
    for (JsonNode task : body.path("tasks")) {
      run.tasks.add(new TaskRun(nextRunId++, (ObjectNode) task.deepCopy(), 0, now));
    }
    return remember(run, body);
  }

  private Optional<JobRun> byToken(JsonNode body) {
    String token = body.path("idempotency_token").asText("");
    if (token.isEmpty() || !tokens.containsKey(token)) {
      return Optional.empty();
    }
    JobRun run = runs.get(tokens.get(token));
    if (run == null) {
      throw ApiException.invalidState("The run started with idempotency token " + token + " was deleted.");
    }
    return Optional.of(run);
  }

  private JobRun remember(JobRun run, JsonNode body) {
    runs.put(run.runId, run);
    String token = body.path("idempotency_token").asText("");
    if (!token.isEmpty()) {
      tokens.put(token, run.runId);
    }
    settleAll();
    return run;
  }

  /** The run (settled to now); unknown ids give 400 INVALID_PARAMETER_VALUE as on Databricks. */
  synchronized JobRun run(long runId) {
    settleAll();
    JobRun run = runs.get(runId);
    if (run == null) {
      throw ApiException.invalidParameter("Run " + runId + " does not exist.");
    }
    return run;
  }

  /** Runs newest first, settled. */
  synchronized List<JobRun> runs() {
    settleAll();
    List<JobRun> list = new ArrayList<>(runs.values());
    Collections.reverse(list);
    return list;
  }

  /** The run holding task run {@code taskRunId}, and that task; a parent run id is refused. */
  synchronized Map.Entry<JobRun, TaskRun> taskRun(long taskRunId) {
    settleAll();
    if (runs.containsKey(taskRunId)) {
      throw ApiException.invalidParameter("Retrieving the output of runs with multiple tasks is not supported."
          + " Please retrieve the output of each individual task run instead.");
    }
    for (JobRun run : runs.values()) {
      Optional<TaskRun> task = run.taskByRunId(taskRunId);
      if (task.isPresent()) {
        return Map.entry(run, task.get());
      }
    }
    throw ApiException.invalidParameter("Run " + taskRunId + " does not exist.");
  }

  synchronized void cancel(long runId) {
    JobRun run = run(runId);
    if (!run.isTerminal()) {
      run.cancelRequested = true;
      run.cancelMessage = "Run cancelled.";
      settleAll();
    }
  }

  synchronized void cancelAll(Long jobId, boolean queuedOnly) {
    if (jobId != null) {
      job(jobId);
    }
    for (JobRun run : runs()) {
      boolean ofJob = jobId == null || jobId.equals(run.jobId);
      boolean queued = run.lifeCycle == RunLifeCycle.QUEUED;
      if (ofJob && !run.isTerminal() && (!queuedOnly || queued)) {
        run.cancelRequested = true;
        run.cancelMessage = "Run cancelled.";
      }
    }
    settleAll();
  }

  synchronized void deleteRun(long runId) {
    JobRun run = run(runId);
    if (!run.isTerminal()) {
      throw ApiException.invalidState("Run " + runId + " is active; only inactive runs can be deleted.");
    }
    runs.remove(runId);
  }

  /** Reruns the given tasks (and, if asked, those depending on them); returns the repair id. */
  synchronized long repair(long runId, List<String> rerunTasks, boolean allFailed, boolean dependents,
      Long latestRepairId) {
    JobRun run = run(runId);
    if (!run.isTerminal()) {
      throw ApiException.invalidState("Run " + runId + " is still active; only finished runs can be repaired.");
    }
    if (run.latestRepairId != null && !run.latestRepairId.equals(latestRepairId)) {
      throw ApiException.invalidParameter("latest_repair_id must be " + run.latestRepairId
          + ", the id of the run's latest repair.");
    }
    List<String> keys = new ArrayList<>(rerunTasks);
    if (allFailed) {
      run.tasks.stream().filter(t -> !t.succeeded()).forEach(t -> keys.add(t.taskKey));
    }
    for (String key : keys) {
      if (run.task(key).isEmpty()) {
        throw ApiException.invalidParameter("Task " + key + " is not a task of run " + runId + ".");
      }
    }
    if (dependents) {
      boolean added = true;
      while (added) {
        added = false;
        for (TaskRun t : run.tasks) {
          if (!keys.contains(t.taskKey) && t.dependsOn.stream().anyMatch(keys::contains)) {
            keys.add(t.taskKey);
            added = true;
          }
        }
      }
    }
    if (keys.isEmpty()) {
      throw ApiException.invalidParameter("The repair reruns no task: every task of run " + runId + " succeeded.");
    }
    Instant now = clock.instant();
    long repairId = nextRepairId++;
    ArrayNode taskRunIds = Json.array();
    for (int i = 0; i < run.tasks.size(); i++) {
      TaskRun old = run.tasks.get(i);
      if (keys.contains(old.taskKey)) {
        TaskRun fresh = new TaskRun(nextRunId++, old.spec, old.attemptNumber + 1, now);
        run.tasks.set(i, fresh);
        taskRunIds.add(fresh.runId);
      }
    }
    ObjectNode entry = run.repairHistory.addObject();
    if (run.repairHistory.size() == 1) {
      // the original run is the first entry of the history, as on Databricks
      run.repairHistory.insertObject(0).put("type", "ORIGINAL").put("start_time", run.createdAt.toEpochMilli())
          .put("end_time", run.endTime == null ? 0 : run.endTime.toEpochMilli());
    }
    entry.put("type", "REPAIR").put("id", repairId).put("start_time", now.toEpochMilli()).set("task_run_ids", taskRunIds);
    run.latestRepairId = repairId;
    run.lifeCycle = RunLifeCycle.RUNNING;
    run.resultState = null;
    run.stateMessage = "";
    run.endTime = null;
    run.since = now;
    run.runningSince = now;
    run.cancelRequested = false;
    settleAll();
    return repairId;
  }

  // ---- the scheduler

  private void settleAll() {
    Instant now = clock.instant();
    for (JobRun run : runs.values()) {
      while (step(run, now)) {
        // each step moves the run or one of its tasks by one state
      }
    }
  }

  private int activeRunsOf(long jobId, JobRun except) {
    int n = 0;
    for (JobRun r : runs.values()) {
      if (r != except && Long.valueOf(jobId).equals(r.jobId) && r.lifeCycle.isActive()) {
        n++;
      }
    }
    return n;
  }

  private Instant lastEndOf(Long jobId, Instant floor) {
    Instant last = floor;
    for (JobRun r : runs.values()) {
      if (jobId != null && jobId.equals(r.jobId) && r.endTime != null && r.endTime.isAfter(last)) {
        last = r.endTime;
      }
    }
    return last;
  }

  private boolean step(JobRun run, Instant now) {
    switch (run.lifeCycle) {
      case QUEUED:
        if (run.cancelRequested) {
          endRun(run, run.cancelResult, run.cancelMessage, now);
          return true;
        }
        if (run.jobId == null || activeRunsOf(run.jobId, run) < run.maxConcurrentRuns) {
          Instant start = min(lastEndOf(run.jobId, run.since), now);
          moveRun(run, RunLifeCycle.PENDING, start);
          run.stateMessage = "Waiting for cluster";
          return true;
        }
        run.stateMessage = "Queued: the job has " + run.maxConcurrentRuns + " active run(s), its maximum of concurrent runs.";
        return false;
      case PENDING:
        if (run.cancelRequested) {
          endRun(run, run.cancelResult, run.cancelMessage, now);
          return true;
        }
        if (due(run.since, now)) {
          moveRun(run, RunLifeCycle.RUNNING, run.since.plus(step));
          run.runningSince = run.since;
          run.stateMessage = "In run";
          return true;
        }
        return false;
      case RUNNING:
        return stepRunning(run, now);
      case TERMINATING:
        if (due(run.since, now)) {
          Instant end = run.since.plus(step);
          run.lifeCycle = RunLifeCycle.TERMINATED;
          run.since = end;
          run.endTime = end;
          return true;
        }
        return false;
      default:
        return false;
    }
  }

  private boolean stepRunning(JobRun run, Instant now) {
    if (!run.cancelRequested && run.timeoutSeconds > 0 && !now.isBefore(run.runningSince.plusSeconds(run.timeoutSeconds))) {
      run.cancelRequested = true;
      run.cancelResult = "TIMEDOUT";
      run.cancelMessage = "Run timed out after " + run.timeoutSeconds + " seconds.";
    }
    if (run.cancelRequested) {
      for (TaskRun task : run.tasks) {
        if (!task.isTerminal()) {
          task.end(run.cancelResult, run.cancelMessage, now);
        }
      }
    }
    boolean changed = false;
    for (TaskRun task : run.tasks) {
      while (stepTask(run, task, now)) {
        changed = true;
      }
    }
    if (run.tasks.stream().allMatch(TaskRun::isTerminal)) {
      Instant last = run.tasks.stream().map(t -> t.endTime).filter(t -> t != null).max(Instant::compareTo)
          .orElse(run.runningSince);
      String result = runResult(run);
      run.lifeCycle = RunLifeCycle.TERMINATING;
      run.since = min(last, now);
      run.resultState = result;
      run.stateMessage = run.cancelRequested ? run.cancelMessage : messageOf(run);
      return true;
    }
    return changed;
  }

  private boolean stepTask(JobRun run, TaskRun task, Instant now) {
    switch (task.lifeCycle) {
      case QUEUED:
      case BLOCKED: {
        List<TaskRun> deps = new ArrayList<>();
        for (String key : task.dependsOn) {
          run.task(key).ifPresent(deps::add);
        }
        if (deps.stream().anyMatch(d -> !d.isTerminal())) {
          if (task.lifeCycle == RunLifeCycle.QUEUED) {
            task.lifeCycle = RunLifeCycle.BLOCKED;
            task.since = run.runningSince;
            task.stateMessage = "Waiting for upstream tasks";
            return true;
          }
          return false;
        }
        Instant ready = deps.stream().map(d -> d.endTime).filter(t -> t != null).max(Instant::compareTo)
            .orElse(run.runningSince);
        ready = min(ready.isBefore(run.runningSince) ? run.runningSince : ready, now);
        String skip = skipResult(task.runIf, deps);
        if (skip != null) {
          task.end(skip, skip.equals("EXCLUDED") ? "The task's run_if condition (" + task.runIf + ") was not met."
              : "Upstream task(s) did not succeed.", ready);
          return true;
        }
        task.lifeCycle = RunLifeCycle.PENDING;
        task.since = ready;
        task.startTime = ready;
        task.stateMessage = "";
        return true;
      }
      case PENDING:
        if (due(task.since, now)) {
          Instant start = task.since.plus(step);
          task.lifeCycle = RunLifeCycle.RUNNING;
          task.since = start;
          task.runningSince = start;
          task.stateMessage = "In run";
          startExecution(run, task);
          return true;
        }
        return false;
      case RUNNING:
        return stepRunningTask(task, now);
      case TERMINATING:
        if (due(task.since, now)) {
          Instant end = task.since.plus(step);
          task.lifeCycle = RunLifeCycle.TERMINATED;
          task.resultState = task.pendingResult;
          task.since = end;
          task.endTime = end;
          return true;
        }
        return false;
      default:
        return false;
    }
  }

  private boolean stepRunningTask(TaskRun task, Instant now) {
    Script script = scripts.get(task.taskKey);
    boolean scriptedTimeout = script != null && script.timeOut;
    long timeoutSeconds = task.spec.path("timeout_seconds").asLong(0);
    Instant due = task.runningSince.plus(step);
    Instant deadline = timeoutSeconds > 0 ? task.runningSince.plusSeconds(timeoutSeconds) : scriptedTimeout ? due : null;
    // when and how the task would end without a deadline (null: not yet known)
    NotebookRunner.Outcome outcome = null;
    Instant finish = null;
    if (script != null && !scriptedTimeout) {
      outcome = NotebookRunner.Outcome.failure(script.message, "Error: " + script.message + "\n  (scripted by the test)");
      finish = due;
    } else if (!scriptedTimeout && task.execution == null) {
      outcome = NotebookRunner.Outcome.success(null, "");
      finish = due;
    } else if (!scriptedTimeout) {
      outcome = task.execution.poll().orElse(null);
      finish = outcome == null ? null : due.isAfter(now) ? due : now;
    }
    if (deadline != null && !now.isBefore(deadline) && (finish == null || finish.isAfter(deadline))) {
      if (task.execution != null) {
        task.execution.cancel();
      }
      long seconds = Duration.between(task.runningSince, deadline).getSeconds();
      task.outcome = NotebookRunner.Outcome.failure("Task " + task.taskKey + " timed out after " + seconds + " seconds", null);
      terminating(task, "TIMEDOUT", "Task " + task.taskKey + " timed out after " + seconds + " seconds.", deadline);
      return true;
    }
    if (finish == null || now.isBefore(finish)) {
      return false; // still running
    }
    task.outcome = outcome;
    if (outcome.failed) {
      terminating(task, "FAILED", "Task " + task.taskKey + " failed with message: " + outcome.error, finish);
    } else {
      terminating(task, "SUCCESS", "", finish);
    }
    return true;
  }

  private static void terminating(TaskRun task, String result, String message, Instant at) {
    task.lifeCycle = RunLifeCycle.TERMINATING;
    task.pendingResult = result;
    task.stateMessage = message;
    task.since = at;
  }

  /** Notebook tasks run their notebook when the workspace has it; every other task kind simply succeeds. */
  private void startExecution(JobRun run, TaskRun task) {
    String clusterId = task.spec.path("existing_cluster_id").asText(defaultClusterId);
    task.clusterId = clusterId;
    JsonNode notebookTask = task.spec.get("notebook_task");
    if (notebookTask == null || scripts.containsKey(task.taskKey)) {
      return;
    }
    Optional<Notebook> notebook = notebooks.find(notebookTask.path("notebook_path").asText());
    if (notebook.isEmpty()) {
      return; // not in the workspace: succeeds with an empty result
    }
    Map<String, String> params = new LinkedHashMap<>();
    notebookTask.path("base_parameters").fields().forEachRemaining(e -> params.put(e.getKey(), e.getValue().asText()));
    params.putAll(run.taskParameters);
    task.execution = runner.start(clusterId, notebook.get(), params);
  }

  private static String skipResult(String runIf, List<TaskRun> deps) {
    if (deps.isEmpty()) {
      return null;
    }
    long ok = deps.stream().filter(TaskRun::succeeded).count();
    long failed = deps.size() - ok;
    boolean anyCanceled = deps.stream().anyMatch(d -> "CANCELED".equals(d.resultState));
    switch (runIf) {
      case "ALL_DONE":
        return null;
      case "NONE_FAILED":
        return failed == 0 ? null : "UPSTREAM_FAILED";
      case "AT_LEAST_ONE_SUCCESS":
        return ok > 0 ? null : "EXCLUDED";
      case "ALL_FAILED":
        return ok == 0 ? null : "EXCLUDED";
      case "AT_LEAST_ONE_FAILED":
        return failed > 0 ? null : "EXCLUDED";
      default: // ALL_SUCCESS
        return failed == 0 ? null : anyCanceled ? "UPSTREAM_CANCELED" : "UPSTREAM_FAILED";
    }
  }

  private static String runResult(JobRun run) {
    if (run.cancelRequested) {
      return run.cancelResult;
    }
    if (run.tasks.stream().allMatch(TaskRun::succeeded)) {
      return "SUCCESS";
    }
    boolean leavesSucceeded = run.tasks.stream()
        .filter(t -> run.tasks.stream().noneMatch(other -> other.dependsOn.contains(t.taskKey)))
        .allMatch(TaskRun::succeeded);
    return leavesSucceeded ? "SUCCESS_WITH_FAILURES" : "FAILED";
  }

  private static String messageOf(JobRun run) {
    return run.tasks.stream().filter(t -> "FAILED".equals(t.resultState) || "TIMEDOUT".equals(t.resultState))
        .map(t -> t.stateMessage).findFirst().orElse("");
  }

  private static void endRun(JobRun run, String result, String message, Instant now) {
    for (TaskRun task : run.tasks) {
      if (!task.isTerminal()) {
        task.end(result, message, now);
      }
    }
    run.lifeCycle = RunLifeCycle.TERMINATED;
    run.resultState = result;
    run.stateMessage = message;
    run.since = now;
    run.endTime = now;
  }

  private static void moveRun(JobRun run, RunLifeCycle next, Instant at) {
    run.lifeCycle = next;
    run.since = at;
  }

  private boolean due(Instant since, Instant now) {
    return !now.isBefore(since.plus(step));
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }
}
