package dev.kiln.emulator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The Jobs API (2.2, and 2.1 with the same bodies): jobs create/get/list/reset/update/delete, run-now,
 * runs/submit, runs/get, runs/list, runs/get-output, runs/cancel, runs/cancel-all, runs/delete and runs/repair.
 * Requests are checked as Databricks documents them (400 {@code INVALID_PARAMETER_VALUE}); 2.2 pages the task
 * arrays of get and runs/get by 100.
 */
final class JobsApi implements WorkspaceApi {
  private static final int ARRAY_PAGE = 100;
  private static final int MAX_PARAMS_BYTES = 10_000;
  private static final Pattern TASK_KEY = Pattern.compile("[\\w\\-]+");
  private static final List<String> BODIES = List.of("notebook_task", "spark_python_task", "python_wheel_task",
      "sql_task", "run_job_task", "for_each_task", "condition_task", "spark_jar_task", "dbt_task", "pipeline_task",
      "spark_submit_task", "clean_rooms_notebook_task", "dashboard_task", "power_bi_task", "gen_ai_compute_task");
  private static final Set<String> RUN_IF = Set.of("ALL_SUCCESS", "ALL_DONE", "NONE_FAILED", "AT_LEAST_ONE_SUCCESS",
      "ALL_FAILED", "AT_LEAST_ONE_FAILED");
  private static final Set<String> RUN_TYPES = Set.of("JOB_RUN", "WORKFLOW_RUN", "SUBMIT_RUN");

  private final JobStore store;
  private final Supplier<String> host;

  JobsApi(JobStore store, Supplier<String> host) {
    this.store = store;
    this.host = host;
  }

  @Override
  public void register(Router router) {
    for (String version : new String[] {"2.1", "2.2"}) {
      String base = "/api/" + version + "/jobs";
      boolean paged = version.equals("2.2");
      router.post(base + "/create", this::create);
      router.get(base + "/get", request -> get(request, paged));
      router.get(base + "/list", this::list);
      router.post(base + "/reset", this::reset);
      router.post(base + "/update", this::update);
      router.post(base + "/delete", request -> {
        store.deleteJob(longField(request.json(), "job_id"));
        return Response.ok(Json.object());
      });
      router.post(base + "/run-now", this::runNow);
      router.post(base + "/runs/submit", this::submit);
      router.get(base + "/runs/get", request -> getRun(request, paged));
      router.get(base + "/runs/list", this::listRuns);
      router.get(base + "/runs/get-output", this::output);
      router.post(base + "/runs/cancel", request -> {
        store.cancel(longField(request.json(), "run_id"));
        return Response.ok(Json.object());
      });
      router.post(base + "/runs/cancel-all", this::cancelAll);
      router.post(base + "/runs/delete", request -> {
        store.deleteRun(longField(request.json(), "run_id"));
        return Response.ok(Json.object());
      });
      router.post(base + "/runs/repair", this::repair);
    }
  }

  // ---- jobs

  private Response create(Request request) {
    ObjectNode settings = settings(request.json(), true);
    if (!settings.has("name")) {
      settings.put("name", "Untitled");
    }
    return Response.ok(Json.object().put("job_id", store.createJob(settings)));
  }

  private Response get(Request request, boolean paged) {
    JobStore.JobRecord job = store.job(longParam(request, "job_id"));
    ObjectNode json = job.toJson(true);
    if (paged) {
      int offset = offset(request);
      ObjectNode settings = (ObjectNode) json.get("settings");
      boolean more = page(settings, "tasks", offset) | page(settings, "job_clusters", offset)
          | page(settings, "parameters", offset);
      if (more) {
        json.put("next_page_token", token(offset + ARRAY_PAGE));
      }
    }
    return Response.ok(json);
  }

  private Response list(Request request) {
    int limit = intParam(request, "limit", 20, 1, 100);
    int offset = offset(request);
    boolean expand = boolParam(request, "expand_tasks");
    String name = request.queryParam("name").orElse(null);
    List<JobStore.JobRecord> all = new ArrayList<>();
    for (JobStore.JobRecord job : store.jobs()) {
      if (name == null || job.name().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
        all.add(job);
      }
    }
    ObjectNode body = Json.object();
    ArrayNode jobs = body.putArray("jobs");
    for (JobStore.JobRecord job : all.subList(Math.min(offset, all.size()), Math.min(offset + limit, all.size()))) {
      ObjectNode json = job.toJson(expand);
      if (expand) {
        json.put("has_more", page((ObjectNode) json.get("settings"), "tasks", 0));
      }
      jobs.add(json);
    }
    boolean more = offset + limit < all.size();
    body.put("has_more", more);
    if (more) {
      body.put("next_page_token", token(offset + limit));
    }
    return Response.ok(body);
  }

  private Response reset(Request request) {
    JsonNode body = request.json();
    JobStore.JobRecord job = store.job(longField(body, "job_id"));
    ObjectNode settings = settings(required(body, "new_settings"), true);
    if (!settings.has("name")) {
      settings.put("name", "Untitled");
    }
    synchronized (store) {
      job.settings = settings;
    }
    return Response.ok(Json.object());
  }

  /** Merges {@code new_settings} (tasks and job clusters by key) and removes {@code fields_to_remove}. */
  private Response update(Request request) {
    JsonNode body = request.json();
    JobStore.JobRecord job = store.job(longField(body, "job_id"));
    synchronized (store) {
      ObjectNode merged = job.settings.deepCopy();
      JsonNode changes = body.path("new_settings");
      changes.fields().forEachRemaining(e -> {
        if (e.getKey().equals("tasks")) {
          mergeByKey(merged, "tasks", "task_key", e.getValue());
        } else if (e.getKey().equals("job_clusters")) {
          mergeByKey(merged, "job_clusters", "job_cluster_key", e.getValue());
        } else {
          merged.set(e.getKey(), e.getValue().deepCopy());
        }
      });
      for (JsonNode field : body.path("fields_to_remove")) {
        remove(merged, field.asText());
      }
      job.settings = settings(merged, true);
    }
    return Response.ok(Json.object());
  }

  private static void mergeByKey(ObjectNode settings, String field, String key, JsonNode additions) {
    ArrayNode array = settings.has(field) ? (ArrayNode) settings.get(field) : settings.putArray(field);
    for (JsonNode item : additions) {
      boolean replaced = false;
      for (int i = 0; i < array.size(); i++) {
        if (array.get(i).path(key).asText().equals(item.path(key).asText())) {
          array.set(i, item.deepCopy());
          replaced = true;
        }
      }
      if (!replaced) {
        array.add(item.deepCopy());
      }
    }
  }

  private static void remove(ObjectNode settings, String field) {
    int slash = field.indexOf('/');
    if (slash < 0) {
      settings.remove(field);
      return;
    }
    String array = field.substring(0, slash);
    String key = field.substring(slash + 1);
    String keyField = array.equals("tasks") ? "task_key" : array.equals("job_clusters") ? "job_cluster_key" : null;
    if (keyField == null || !settings.path(array).isArray()) {
      throw ApiException.invalidParameter("Cannot remove field " + field + ".");
    }
    ArrayNode items = (ArrayNode) settings.get(array);
    for (int i = items.size() - 1; i >= 0; i--) {
      if (items.get(i).path(keyField).asText().equals(key)) {
        items.remove(i);
      }
    }
  }

  // ---- runs

  private Response runNow(Request request) {
    JsonNode body = request.json();
    JobStore.JobRecord job = store.job(longField(body, "job_id"));
    token(body);
    if (JobRun.hasParams(body, "jar_params") && JobRun.hasParams(body, "notebook_params")) {
      throw ApiException.invalidParameter("jar_params and notebook_params cannot be specified together.");
    }
    for (String field : new String[] {"job_parameters", "notebook_params", "python_params", "python_named_params",
        "jar_params", "sql_params"}) {
      if (body.has(field) && Json.text(body.get(field)).getBytes(StandardCharsets.UTF_8).length > MAX_PARAMS_BYTES) {
        throw ApiException.invalidParameter(field + " exceeds the limit of " + MAX_PARAMS_BYTES + " bytes.");
      }
    }
    Set<String> keys = new HashSet<>();
    job.settings.path("tasks").forEach(t -> keys.add(t.path("task_key").asText()));
    for (JsonNode only : body.path("only")) {
      if (!keys.contains(only.asText())) {
        throw ApiException.invalidParameter("Task " + only.asText() + " is not a task of job " + job.jobId + ".");
      }
    }
    JobRun run = store.runNow(job, body);
    return Response.ok(Json.object().put("run_id", run.runId).put("number_in_job", run.numberInJob));
  }

  private Response submit(Request request) {
    JsonNode body = request.json();
    token(body);
    JsonNode tasks = body.path("tasks");
    if (!tasks.isArray() || tasks.isEmpty()) {
      throw ApiException.invalidParameter("A run must have at least one task.");
    }
    tasks(tasks, Set.of());
    JobRun run = store.submit(body);
    return Response.ok(Json.object().put("run_id", run.runId));
  }

  private Response getRun(Request request, boolean paged) {
    JobRun run = store.run(longParam(request, "run_id"));
    synchronized (store) {
      List<TaskRun> tasks = run.tasks;
      String next = null;
      if (paged) {
        int offset = offset(request);
        int end = Math.min(tasks.size(), offset + ARRAY_PAGE);
        tasks = tasks.subList(Math.min(offset, tasks.size()), end);
        next = end < run.tasks.size() ? token(end) : null;
      }
      ObjectNode json = run.toJson(host.get(), tasks);
      if (next != null) {
        json.put("next_page_token", next);
      }
      return Response.ok(json);
    }
  }

  private Response listRuns(Request request) {
    int limit = intParam(request, "limit", 20, 1, 25);
    int offset = offset(request);
    boolean activeOnly = boolParam(request, "active_only");
    boolean completedOnly = boolParam(request, "completed_only");
    if (activeOnly && completedOnly) {
      throw ApiException.invalidParameter("active_only and completed_only cannot both be true.");
    }
    Long jobId = request.queryParam("job_id").map(v -> parseLong(v, "job_id")).orElse(null);
    if (jobId != null) {
      store.job(jobId);
    }
    String runType = request.queryParam("run_type").orElse(null);
    if (runType != null && !RUN_TYPES.contains(runType)) {
      throw ApiException.invalidParameter("run_type must be one of " + RUN_TYPES + ".");
    }
    long from = request.queryParam("start_time_from").map(v -> parseLong(v, "start_time_from")).orElse(0L);
    long to = request.queryParam("start_time_to").map(v -> parseLong(v, "start_time_to")).orElse(Long.MAX_VALUE);
    boolean expand = boolParam(request, "expand_tasks");
    List<JobRun> selected = new ArrayList<>();
    synchronized (store) {
      for (JobRun run : store.runs()) {
        long start = run.createdAt.toEpochMilli();
        if ((jobId == null || jobId.equals(run.jobId)) && (!activeOnly || !run.isTerminal())
            && (!completedOnly || run.isTerminal()) && (runType == null || runType.equals(run.runType))
            && start >= from && start <= to) {
          selected.add(run);
        }
      }
      ObjectNode body = Json.object();
      ArrayNode runs = body.putArray("runs");
      for (JobRun run : selected.subList(Math.min(offset, selected.size()), Math.min(offset + limit, selected.size()))) {
        runs.add(run.toJson(host.get(), expand ? run.tasks : null));
      }
      boolean more = offset + limit < selected.size();
      body.put("has_more", more);
      if (more) {
        body.put("next_page_token", token(offset + limit));
      }
      return Response.ok(body);
    }
  }

  private Response output(Request request) {
    Map.Entry<JobRun, TaskRun> found = store.taskRun(longParam(request, "run_id"));
    synchronized (store) {
      JobRun run = found.getKey();
      TaskRun task = found.getValue();
      ObjectNode body = Json.object();
      ObjectNode metadata = run.taskJson(task, host.get());
      if (run.jobId != null) {
        metadata.put("job_id", run.jobId);
      }
      body.set("metadata", metadata);
      NotebookRunner.Outcome outcome = task.isTerminal() ? task.outcome : null;
      if (task.spec.has("notebook_task")) {
        ObjectNode notebookOutput = body.putObject("notebook_output");
        if (outcome != null && outcome.result != null) {
          notebookOutput.put("result", outcome.result);
          notebookOutput.put("truncated", false);
        }
      } else if (outcome != null && !outcome.failed) {
        body.put("logs", outcome.logs == null ? "" : outcome.logs);
        body.put("logs_truncated", false);
      }
      if (outcome != null && outcome.failed) {
        body.put("error", outcome.error);
        if (outcome.errorTrace != null) {
          body.put("error_trace", outcome.errorTrace);
        }
      }
      return Response.ok(body);
    }
  }

  private Response cancelAll(Request request) {
    JsonNode body = request.json();
    boolean allQueued = body.path("all_queued_runs").asBoolean(false);
    Long jobId = body.has("job_id") ? longField(body, "job_id") : null;
    if (jobId == null && !allQueued) {
      throw ApiException.invalidParameter("Either job_id or all_queued_runs must be set.");
    }
    store.cancelAll(jobId, jobId == null);
    return Response.ok(Json.object());
  }

  private Response repair(Request request) {
    JsonNode body = request.json();
    long runId = longField(body, "run_id");
    List<String> rerun = new ArrayList<>();
    body.path("rerun_tasks").forEach(t -> rerun.add(t.asText()));
    boolean allFailed = body.path("rerun_all_failed_tasks").asBoolean(false);
    if (rerun.isEmpty() == !allFailed) {
      throw ApiException.invalidParameter("Exactly one of rerun_tasks and rerun_all_failed_tasks must be set.");
    }
    Long latest = body.has("latest_repair_id") ? longField(body, "latest_repair_id") : null;
    long repairId = store.repair(runId, rerun, allFailed, body.path("rerun_dependent_tasks").asBoolean(false), latest);
    return Response.ok(Json.object().put("repair_id", repairId));
  }

  // ---- validation

  /** Checked settings (a copy); {@code whole}: create and reset, where dependencies must resolve. */
  private static ObjectNode settings(JsonNode json, boolean whole) {
    if (!json.isObject()) {
      throw ApiException.malformed("Job settings must be an object.");
    }
    ObjectNode settings = (ObjectNode) json.deepCopy();
    JsonNode max = settings.get("max_concurrent_runs");
    if (max != null && (!max.canConvertToInt() || max.asInt() < 0 || max.asInt() > 1000)) {
      throw ApiException.invalidParameter("max_concurrent_runs must be between 0 and 1000.");
    }
    if (settings.path("tags").size() > 25) {
      throw ApiException.invalidParameter("A job can have at most 25 tags.");
    }
    Set<String> clusters = new HashSet<>();
    for (JsonNode c : settings.path("job_clusters")) {
      if (!clusters.add(c.path("job_cluster_key").asText(""))) {
        throw ApiException.invalidParameter("Job cluster key " + c.path("job_cluster_key").asText() + " is duplicated.");
      }
    }
    JsonNode tasks = settings.path("tasks");
    if (tasks.size() > 1000) {
      throw ApiException.invalidParameter("A job can have at most 1000 tasks.");
    }
    if (whole) {
      tasks(tasks, clusters);
    }
    return settings;
  }

  private static void tasks(JsonNode tasks, Set<String> jobClusters) {
    Set<String> keys = new HashSet<>();
    for (JsonNode task : tasks) {
      String key = task.path("task_key").asText("");
      if (key.isEmpty() || key.length() > 100 || !TASK_KEY.matcher(key).matches()) {
        throw ApiException.invalidParameter("Invalid task_key '" + key + "': 1 to 100 letters, digits, '-' or '_'.");
      }
      if (!keys.add(key)) {
        throw ApiException.invalidParameter("Task key " + key + " is duplicated.");
      }
      long bodies = BODIES.stream().filter(task::has).count();
      if (bodies != 1) {
        throw ApiException.invalidParameter("Task " + key + " must have exactly one task type, e.g. notebook_task.");
      }
      String runIf = task.path("run_if").asText("ALL_SUCCESS");
      if (!RUN_IF.contains(runIf)) {
        throw ApiException.invalidParameter("run_if of task " + key + " must be one of " + RUN_IF + ".");
      }
      JsonNode clusterKey = task.get("job_cluster_key");
      if (clusterKey != null && !jobClusters.contains(clusterKey.asText())) {
        throw ApiException.invalidParameter("Task " + key + " refers to job cluster " + clusterKey.asText()
            + ", which is not defined.");
      }
      if (task.has("notebook_task") && task.path("notebook_task").path("notebook_path").asText("").isEmpty()) {
        throw ApiException.invalidParameter("notebook_path of task " + key + " is required.");
      }
    }
    for (JsonNode task : tasks) {
      for (JsonNode dep : task.path("depends_on")) {
        String on = dep.path("task_key").asText("");
        if (!keys.contains(on)) {
          throw ApiException.invalidParameter("Task " + task.path("task_key").asText() + " depends on " + on
              + ", which is not a task of this job.");
        }
      }
    }
    if (hasCycle(tasks)) {
      throw ApiException.invalidParameter("The task dependencies form a cycle.");
    }
  }

  private static boolean hasCycle(JsonNode tasks) {
    Map<String, List<String>> deps = new java.util.HashMap<>();
    for (JsonNode t : tasks) {
      List<String> on = new ArrayList<>();
      t.path("depends_on").forEach(d -> on.add(d.path("task_key").asText()));
      deps.put(t.path("task_key").asText(), on);
    }
    Set<String> done = new HashSet<>();
    for (String key : deps.keySet()) {
      if (visits(key, deps, new HashSet<>(), done)) {
        return true;
      }
    }
    return false;
  }

  private static boolean visits(String key, Map<String, List<String>> deps, Set<String> path, Set<String> done) {
    if (done.contains(key)) {
      return false;
    }
    if (!path.add(key)) {
      return true;
    }
    for (String on : deps.getOrDefault(key, List.of())) {
      if (visits(on, deps, path, done)) {
        return true;
      }
    }
    path.remove(key);
    done.add(key);
    return false;
  }

  private static void token(JsonNode body) {
    String token = body.path("idempotency_token").asText("");
    if (token.length() > 64) {
      throw ApiException.invalidParameter("idempotency_token must be at most 64 characters.");
    }
  }

  /** Keeps one page of an array field; true when more entries follow. */
  private static boolean page(ObjectNode holder, String field, int offset) {
    JsonNode array = holder.get(field);
    if (array == null || !array.isArray()) {
      return false;
    }
    ArrayNode page = Json.array();
    for (int i = offset; i < Math.min(array.size(), offset + ARRAY_PAGE); i++) {
      page.add(array.get(i));
    }
    boolean more = array.size() > offset + ARRAY_PAGE;
    if (page.isEmpty()) {
      holder.remove(field);
    } else {
      holder.set(field, page);
    }
    return more;
  }

  private static String token(int offset) {
    return Pages.encode(offset);
  }

  private static int offset(Request request) {
    return request.queryParam("page_token").filter(token -> !token.isEmpty()).map(Pages::decode).orElse(0);
  }

  private static JsonNode required(JsonNode body, String field) {
    JsonNode value = body.get(field);
    if (value == null || value.isNull()) {
      throw ApiException.invalidParameter(field + " is required.");
    }
    return value;
  }

  private static long longField(JsonNode body, String field) {
    JsonNode value = required(body, field);
    if (!value.canConvertToLong() && !(value.isTextual() && value.asText().matches("\\d+"))) {
      throw ApiException.invalidParameter(field + " must be a number.");
    }
    return value.asLong();
  }

  private static long longParam(Request request, String name) {
    return parseLong(request.queryParam(name).orElseThrow(() -> ApiException.invalidParameter(name + " is required.")),
        name);
  }

  private static long parseLong(String value, String name) {
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw ApiException.invalidParameter(name + " must be a number.");
    }
  }

  private static int intParam(Request request, String name, int fallback, int min, int max) {
    int value = request.queryParam(name).map(v -> (int) parseLong(v, name)).orElse(fallback);
    if (value < min || value > max) {
      throw ApiException.invalidParameter(name + " must be between " + min + " and " + max + ".");
    }
    return value;
  }

  private static boolean boolParam(Request request, String name) {
    return request.queryParam(name).map("true"::equalsIgnoreCase).orElse(false);
  }
}
