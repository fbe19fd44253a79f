package dev.kiln.jobs.internal;

import dev.kiln.core.Json;
import dev.kiln.core.error.InvalidRequestException;
import dev.kiln.core.spi.Args;
import dev.kiln.jobs.model.JobCluster;
import dev.kiln.jobs.model.JobParameterDefinition;
import dev.kiln.jobs.model.JobSettings;
import dev.kiln.jobs.model.RepairRunRequest;
import dev.kiln.jobs.model.RunListFilter;
import dev.kiln.jobs.model.RunNowRequest;
import dev.kiln.jobs.model.SubmitRunRequest;
import dev.kiln.jobs.model.Task;
import dev.kiln.jobs.model.TaskDependency;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The documented limits of the Jobs API, checked before anything is sent: a bad request fails with
 * {@link InvalidRequestException} naming what is wrong, never with a server round trip.
 */
public final class JobChecks {
  static final int MAX_TASK_KEY = 100;
  static final int MAX_TOKEN = 64;
  static final int MAX_PARAMS_JSON_BYTES = 10_000;
  static final int MAX_TAGS = 25;
  static final int MAX_CONCURRENT_RUNS = 1000;
  static final int MAX_TASKS = 1000;
  private static final Pattern TASK_KEY = Pattern.compile("[\\w\\-]+");

  private JobChecks() {}

  /** Job and run ids are positive 64-bit numbers. */
  public static long id(long value, String name) {
    if (value < 1) {
      throw new InvalidRequestException(name + " must be positive, was " + value);
    }
    return value;
  }

  /**
   * Settings for {@code create} and {@code reset} (whole settings): task keys valid and unique, one
   * body and at most one compute per task, dependencies and job cluster keys that exist.
   */
  public static JobSettings wholeSettings(JobSettings settings) {
    Args.notNull(settings, "settings");
    partialSettings(settings);
    Set<String> keys = taskKeys(settings.tasks());
    Set<String> clusters = new HashSet<>();
    for (JobCluster c : settings.jobClusters()) {
      if (!clusters.add(Args.notBlank(c.jobClusterKey(), "job_cluster_key"))) {
        throw new InvalidRequestException("job cluster key '" + c.jobClusterKey() + "' is used twice");
      }
    }
    for (Task task : settings.tasks()) {
      dependencies(task, keys);
      task.jobClusterKey().filter(k -> !clusters.contains(k)).ifPresent(k -> {
        throw new InvalidRequestException("task '" + task.taskKey() + "' uses job cluster '" + k
            + "', which the job does not define in job_clusters");
      });
    }
    return settings;
  }

  /** Settings for {@code update}: each field given is checked on its own. */
  public static JobSettings partialSettings(JobSettings settings) {
    Args.notNull(settings, "settings");
    settings.name().ifPresent(n -> Args.maxLength(n, "name", 4096));
    settings.maxConcurrentRuns().ifPresent(n -> between(n, "max_concurrent_runs", 0, MAX_CONCURRENT_RUNS));
    settings.timeoutSeconds().ifPresent(n -> between(n, "timeout_seconds", 0, Integer.MAX_VALUE));
    if (settings.tags().size() > MAX_TAGS) {
      throw new InvalidRequestException("a job has at most " + MAX_TAGS + " tags, got " + settings.tags().size());
    }
    if (settings.tasks().size() > MAX_TASKS) {
      throw new InvalidRequestException("a job has at most " + MAX_TASKS + " tasks, got " + settings.tasks().size());
    }
    Set<String> names = new HashSet<>();
    for (JobParameterDefinition p : settings.parameters()) {
      if (!names.add(Args.notBlank(p.name(), "parameter name"))) {
        throw new InvalidRequestException("job parameter '" + p.name() + "' is defined twice");
      }
    }
    settings.schedule().ifPresent(s -> {
      Args.notBlank(s.quartzCronExpression(), "quartz_cron_expression");
      Args.notBlank(s.timezoneId(), "timezone_id");
    });
    settings.tasks().forEach(JobChecks::task);
    taskKeys(settings.tasks());
    return settings;
  }

  public static SubmitRunRequest submit(SubmitRunRequest request) {
    Args.notNull(request, "request");
    if (request.tasks().isEmpty()) {
      throw new InvalidRequestException("a submitted run needs at least one task");
    }
    request.tasks().forEach(JobChecks::task);
    Set<String> keys = taskKeys(request.tasks());
    request.tasks().forEach(t -> {
      dependencies(t, keys);
      t.jobClusterKey().ifPresent(k -> {
        throw new InvalidRequestException("task '" + t.taskKey() + "' names job cluster '" + k
            + "', but a one-time run has no job clusters; use new_cluster or existing_cluster_id");
      });
    });
    request.idempotencyToken().ifPresent(JobChecks::token);
    request.timeoutSeconds().ifPresent(n -> between(n, "timeout_seconds", 0, Integer.MAX_VALUE));
    return request;
  }

  public static RunNowRequest runNow(RunNowRequest request) {
    Args.notNull(request, "request");
    id(request.jobId(), "jobId");
    request.idempotencyToken().ifPresent(JobChecks::token);
    if (!request.jarParams().isEmpty() && !request.notebookParams().isEmpty()) {
      throw new InvalidRequestException("jar_params cannot be combined with notebook_params");
    }
    paramsSize(request.jobParameters(), "job_parameters");
    paramsSize(request.notebookParams(), "notebook_params");
    paramsSize(request.pythonParams(), "python_params");
    paramsSize(request.pythonNamedParams(), "python_named_params");
    paramsSize(request.jarParams(), "jar_params");
    paramsSize(request.sqlParams(), "sql_params");
    request.only().forEach(k -> taskKey(k));
    return request;
  }

  public static RepairRunRequest repair(RepairRunRequest request) {
    Args.notNull(request, "request");
    id(request.runId(), "runId");
    boolean allFailed = request.rerunAllFailedTasks().orElse(false);
    if (allFailed == !request.rerunTasks().isEmpty()) {
      throw new InvalidRequestException("a repair names the tasks to rerun (rerun_tasks) or sets rerun_all_failed_tasks,"
          + " exactly one of the two");
    }
    request.rerunTasks().forEach(JobChecks::taskKey);
    request.latestRepairId().ifPresent(id -> id(id, "latest_repair_id"));
    paramsSize(request.jobParameters(), "job_parameters");
    paramsSize(request.notebookParams(), "notebook_params");
    paramsSize(request.pythonParams(), "python_params");
    return request;
  }

  public static RunListFilter runFilter(RunListFilter filter) {
    Args.notNull(filter, "filter");
    filter.jobId().ifPresent(id -> id(id, "jobId"));
    if (filter.activeOnly() && filter.completedOnly()) {
      throw new InvalidRequestException("activeOnly and completedOnly cannot both be set");
    }
    filter.pageSize().ifPresent(n -> between(n, "pageSize", 1, 25));
    if (filter.startTimeFrom().isPresent() && filter.startTimeTo().isPresent()
        && filter.startTimeFrom().get().isAfter(filter.startTimeTo().get())) {
      throw new InvalidRequestException("startTimeFrom is after startTimeTo");
    }
    return filter;
  }

  public static String token(String token) {
    Args.notBlank(token, "idempotency_token");
    if (token.length() > MAX_TOKEN) {
      throw new InvalidRequestException("idempotency_token is " + token.length() + " characters; at most " + MAX_TOKEN
          + " are allowed");
    }
    return token;
  }

  public static int between(int value, String name, int min, int max) {
    if (value < min || value > max) {
      throw new InvalidRequestException(name + " must be " + min + " to " + max + ", was " + value);
    }
    return value;
  }

  private static void task(Task task) {
    taskKey(task.taskKey());
    int bodies = count(task.notebookTask(), task.sparkPythonTask(), task.pythonWheelTask(), task.sqlTask(),
        task.runJobTask(), task.forEachTask(), task.conditionTask(), task.sparkJarTask(), task.dbtTask(),
        task.pipelineTask());
    if (bodies != 1) {
      throw new InvalidRequestException("task '" + task.taskKey() + "' must have exactly one of notebook_task,"
          + " spark_python_task, python_wheel_task, sql_task, run_job_task, ...; it has " + bodies);
    }
    int compute = count(task.existingClusterId(), task.newCluster(), task.jobClusterKey(), task.environmentKey());
    if (compute > 1) {
      throw new InvalidRequestException("task '" + task.taskKey() + "' may use at most one of existing_cluster_id,"
          + " new_cluster, job_cluster_key and environment_key; it has " + compute);
    }
    task.notebookTask().ifPresent(n -> Args.notBlank(n.notebookPath(), "notebook_path"));
    task.sparkPythonTask().ifPresent(p -> Args.notBlank(p.pythonFile(), "python_file"));
    task.pythonWheelTask().ifPresent(p -> {
      Args.notBlank(p.packageName(), "package_name");
      Args.notBlank(p.entryPoint(), "entry_point");
    });
    task.sqlTask().ifPresent(s -> {
      Args.notBlank(s.warehouseId(), "warehouse_id");
      if (count(s.query(), s.file(), s.alert(), s.dashboard()) != 1) {
        throw new InvalidRequestException("the sql_task of '" + task.taskKey()
            + "' must have exactly one of query, file, alert and dashboard");
      }
    });
    task.runJobTask().ifPresent(r -> id(r.jobId(), "run_job_task.job_id"));
    task.timeoutSeconds().ifPresent(n -> between(n, "timeout_seconds", 0, Integer.MAX_VALUE));
    task.maxRetries().ifPresent(n -> between(n, "max_retries", -1, Integer.MAX_VALUE));
  }

  private static String taskKey(String key) {
    Args.notBlank(key, "task_key");
    if (key.length() > MAX_TASK_KEY) {
      throw new InvalidRequestException("task_key is " + key.length() + " characters; at most " + MAX_TASK_KEY
          + " are allowed");
    }
    if (!TASK_KEY.matcher(key).matches()) {
      throw new InvalidRequestException("task_key '" + key + "' may only hold letters, digits, '-' and '_'");
    }
    return key;
  }

  private static Set<String> taskKeys(List<Task> tasks) {
    Set<String> keys = new HashSet<>();
    for (Task task : tasks) {
      if (!keys.add(task.taskKey())) {
        throw new InvalidRequestException("task_key '" + task.taskKey() + "' is used twice");
      }
    }
    return keys;
  }

  private static void dependencies(Task task, Set<String> keys) {
    for (TaskDependency d : task.dependsOn()) {
      if (d.taskKey().equals(task.taskKey())) {
        throw new InvalidRequestException("task '" + task.taskKey() + "' depends on itself");
      }
      if (!keys.contains(d.taskKey())) {
        throw new InvalidRequestException("task '" + task.taskKey() + "' depends on '" + d.taskKey()
            + "', which is not a task of this job");
      }
    }
  }

  private static void paramsSize(Object params, String name) {
    if (params instanceof java.util.Map && ((java.util.Map<?, ?>) params).isEmpty()
        || params instanceof List && ((List<?>) params).isEmpty()) {
      return;
    }
    int bytes;
    try {
      bytes = Json.mapper().writeValueAsString(params).getBytes(StandardCharsets.UTF_8).length;
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new InvalidRequestException(name + " cannot be written as JSON");
    }
    if (bytes > MAX_PARAMS_JSON_BYTES) {
      throw new InvalidRequestException(name + " is " + bytes + " bytes of JSON; at most " + MAX_PARAMS_JSON_BYTES
          + " are allowed");
    }
  }

  private static int count(Optional<?>... values) {
    int n = 0;
    for (Optional<?> v : values) {
      n += v.isPresent() ? 1 : 0;
    }
    return n;
  }
}
