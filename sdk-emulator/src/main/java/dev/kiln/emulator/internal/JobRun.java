package dev.kiln.emulator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One emulated run (of a job, or submitted once): its tasks, parameters and state; guarded by the JobStore. */
final class JobRun {
  final long runId;
  final Long jobId; // null for a submitted run
  final String runName;
  final long numberInJob;
  final String runType;
  final String trigger;
  final int maxConcurrentRuns;
  final long timeoutSeconds;
  final Instant createdAt;
  final List<TaskRun> tasks = new ArrayList<>();
  final ArrayNode jobParameters = Json.array();
  final Map<String, String> taskParameters = new LinkedHashMap<>(); // job parameters and notebook_params
  final ObjectNode overridingParameters = Json.object();
  final ArrayNode repairHistory = Json.array();
  RunLifeCycle lifeCycle = RunLifeCycle.QUEUED;
  String resultState;
  String stateMessage = "";
  Instant since;
  Instant runningSince;
  Instant endTime;
  boolean cancelRequested;
  String cancelResult = "CANCELED";
  String cancelMessage = "";
  Long latestRepairId;

  JobRun(long runId, Long jobId, String runName, long numberInJob, String runType, String trigger, int maxConcurrentRuns,
      long timeoutSeconds, Instant now) {
    this.runId = runId;
    this.jobId = jobId;
    this.runName = runName;
    this.numberInJob = numberInJob;
    this.runType = runType;
    this.trigger = trigger;
    this.maxConcurrentRuns = maxConcurrentRuns;
    this.timeoutSeconds = timeoutSeconds;
    this.createdAt = now;
    this.since = now;
  }

  boolean isTerminal() {
    return lifeCycle.isTerminal();
  }

  Optional<TaskRun> task(String key) {
    return tasks.stream().filter(t -> t.taskKey.equals(key)).findFirst();
  }

  Optional<TaskRun> taskByRunId(long id) {
    return tasks.stream().filter(t -> t.runId == id).findFirst();
  }

  String pageUrl(String host) {
    return host + "/?o=0#job/" + (jobId == null ? "runs" : jobId) + "/run/" + runId;
  }

  /** The run as runs/get shows it; {@code tasks} limits which tasks are included (null: none). */
  ObjectNode toJson(String host, List<TaskRun> shownTasks) {
    ObjectNode json = Json.object();
    json.put("run_id", runId);
    if (jobId != null) {
      json.put("job_id", jobId);
    }
    json.put("run_name", runName);
    json.put("number_in_job", numberInJob);
    json.put("original_attempt_run_id", runId);
    json.put("creator_user_name", LocalIdentity.USER_NAME);
    json.put("run_type", runType);
    json.put("trigger", trigger);
    json.put("format", "MULTI_TASK");
    json.put("attempt_number", 0);
    json.set("state", state(lifeCycle, resultState, stateMessage));
    json.set("status", status(lifeCycle, resultState, stateMessage));
    json.put("run_page_url", pageUrl(host));
    json.put("start_time", createdAt.toEpochMilli());
    times(json, createdAt, runningSince, endTime, since);
    json.put("queue_duration", 0);
    if (runningSince != null) {
      json.put("setup_duration", runningSince.toEpochMilli() - createdAt.toEpochMilli());
    }
    if (!jobParameters.isEmpty()) {
      json.set("job_parameters", jobParameters.deepCopy());
    }
    if (!overridingParameters.isEmpty()) {
      json.set("overriding_parameters", overridingParameters.deepCopy());
    }
    if (!repairHistory.isEmpty()) {
      json.set("repair_history", repairHistory.deepCopy());
    }
    tasks.stream().map(t -> t.clusterId).filter(c -> c != null).findFirst()
        .ifPresent(c -> json.putObject("cluster_instance").put("cluster_id", c));
    if (shownTasks != null) {
      ArrayNode array = json.putArray("tasks");
      shownTasks.forEach(t -> array.add(taskJson(t, host)));
    }
    return json;
  }

  ObjectNode taskJson(TaskRun task, String host) {
    ObjectNode json = task.spec.deepCopy();
    json.put("run_id", task.runId);
    json.put("attempt_number", task.attemptNumber);
    json.set("state", state(task.lifeCycle, task.resultState, task.stateMessage));
    json.set("status", status(task.lifeCycle, task.resultState, task.stateMessage));
    json.put("run_page_url", host + "/?o=0#job/" + (jobId == null ? "runs" : jobId) + "/run/" + task.runId);
    json.put("start_time", task.startTime == null ? 0 : task.startTime.toEpochMilli());
    times(json, task.startTime, task.runningSince, task.endTime, task.since);
    if (task.clusterId != null) {
      json.putObject("cluster_instance").put("cluster_id", task.clusterId);
    }
    return json;
  }

  private static void times(ObjectNode json, Instant start, Instant running, Instant end, Instant since) {
    json.put("end_time", end == null ? 0 : end.toEpochMilli());
    if (start != null && running != null) {
      json.put("setup_duration", running.toEpochMilli() - start.toEpochMilli());
      long execEnd = end != null ? end.toEpochMilli() : since.toEpochMilli();
      json.put("execution_duration", Math.max(0, execEnd - running.toEpochMilli()));
      json.put("cleanup_duration", 0);
    }
    if (start != null && end != null) {
      json.put("run_duration", end.toEpochMilli() - start.toEpochMilli());
    }
  }

  static ObjectNode state(RunLifeCycle lifeCycle, String result, String message) {
    ObjectNode state = Json.object().put("life_cycle_state", lifeCycle.name());
    if (result != null && lifeCycle.isTerminal()) {
      state.put("result_state", result);
    }
    state.put("state_message", message == null ? "" : message);
    state.put("user_cancelled_or_timedout", "CANCELED".equals(result) || "TIMEDOUT".equals(result));
    return state;
  }

  static ObjectNode status(RunLifeCycle lifeCycle, String result, String message) {
    ObjectNode status = Json.object().put("state", lifeCycle == RunLifeCycle.QUEUED ? "QUEUED" : lifeCycle.statusState);
    if (lifeCycle.isTerminal()) {
      String code;
      String type;
      if (lifeCycle == RunLifeCycle.INTERNAL_ERROR) {
        code = "INTERNAL_ERROR";
        type = "INTERNAL_ERROR";
      } else if (lifeCycle == RunLifeCycle.SKIPPED) {
        code = "MAXIMUM_CONCURRENT_RUNS_REACHED".equals(result) ? "MAX_CONCURRENT_RUNS_EXCEEDED" : "SKIPPED";
        type = "MAXIMUM_CONCURRENT_RUNS_REACHED".equals(result) ? "CLIENT_ERROR" : "SUCCESS";
      } else {
        code = terminationCode(result);
        type = code.equals("SUCCESS") || code.equals("SUCCESS_WITH_FAILURES") || code.equals("USER_CANCELED")
            || code.equals("EXCLUDED") ? "SUCCESS" : "CLIENT_ERROR";
      }
      status.putObject("termination_details").put("code", code).put("type", type)
          .put("message", message == null ? "" : message);
    }
    return status;
  }

  private static String terminationCode(String result) {
    if (result == null) {
      return "SUCCESS";
    }
    switch (result) {
      case "SUCCESS":
      case "SUCCESS_WITH_FAILURES":
      case "EXCLUDED":
      case "UPSTREAM_FAILED":
      case "UPSTREAM_CANCELED":
        return result;
      case "CANCELED":
        return "USER_CANCELED";
      case "TIMEDOUT":
        return "CANCELED"; // canceled by the platform: the timeout was reached
      default:
        return "RUN_EXECUTION_ERROR";
    }
  }

  static boolean hasParams(JsonNode body, String field) {
    JsonNode value = body.get(field);
    return value != null && !value.isNull() && value.size() > 0;
  }
}
