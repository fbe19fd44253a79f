package dev.kiln.jobs.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** A job run or one-time run as {@code runs/get} and {@code runs/list} describe it. The client merges the pages of {@code tasks}, {@code iterations}, {@code job_parameters} and {@code repair_history} that Jobs 2.2 sends. */
@Value.Immutable
@JsonSerialize(as = Run.class)
@JsonDeserialize(as = Run.class)
abstract class RunDef implements RunStateView {
  @JsonProperty("run_id")
  public abstract long runId();

  @JsonProperty("job_id")
  public abstract Optional<Long> jobId();

  @JsonProperty("run_name")
  public abstract Optional<String> runName();

  @JsonProperty("number_in_job")
  public abstract Optional<Long> numberInJob();

  @JsonProperty("attempt_number")
  public abstract Optional<Integer> attemptNumber();

  @JsonProperty("original_attempt_run_id")
  public abstract Optional<Long> originalAttemptRunId();

  @Override
  @JsonProperty("state")
  public abstract Optional<RunState> state();

  @Override
  @JsonProperty("status")
  public abstract Optional<RunStatus> status();

  @JsonProperty("run_page_url")
  public abstract Optional<String> runPageUrl();

  @JsonProperty("trigger")
  public abstract Optional<String> rawTrigger();

  @JsonProperty("run_type")
  public abstract Optional<String> rawRunType();

  @JsonProperty("tasks")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public abstract List<RunTask> tasks();

  @JsonProperty("iterations")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public abstract List<RunTask> iterations();

  @JsonProperty("job_parameters")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public abstract List<RunParameter> jobParameters();

  @JsonProperty("job_clusters")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public abstract List<JobCluster> jobClusters();

  @JsonProperty("cluster_instance")
  public abstract Optional<ClusterInstance> clusterInstance();

  @JsonProperty("repair_history")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public abstract List<JsonNode> repairHistory();

  @JsonProperty("overriding_parameters")
  public abstract Optional<JsonNode> overridingParameters();

  @JsonProperty("start_time")
  public abstract Optional<Long> startTime();

  @JsonProperty("end_time")
  public abstract Optional<Long> endTime();

  @JsonProperty("setup_duration")
  public abstract Optional<Long> setupDuration();

  @JsonProperty("execution_duration")
  public abstract Optional<Long> executionDuration();

  @JsonProperty("cleanup_duration")
  public abstract Optional<Long> cleanupDuration();

  @JsonProperty("run_duration")
  public abstract Optional<Long> runDuration();

  @JsonProperty("queue_duration")
  public abstract Optional<Long> queueDuration();

  @JsonProperty("creator_user_name")
  public abstract Optional<String> creatorUserName();

  @JsonProperty("description")
  public abstract Optional<String> description();

  /** Set on a page of {@code runs/get}; the client follows it and clears it. */
  @JsonProperty("next_page_token")
  public abstract Optional<String> nextPageToken();

  public RunType runType() {
    return RunType.fromWire(rawRunType().orElse(null));
  }

  public Optional<Instant> startedAt() {
    return startTime().filter(t -> t > 0).map(Instant::ofEpochMilli);
  }

  public Optional<Instant> endedAt() {
    return endTime().filter(t -> t > 0).map(Instant::ofEpochMilli);
  }

  /** The task run with this key, if the run has one. */
  public Optional<RunTask> task(String taskKey) {
    return tasks().stream().filter(t -> t.taskKey().equals(taskKey)).findFirst();
  }
}
