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
  /** The run's id ({@code run_id}), unique across the workspace. */
  @JsonProperty("run_id")
  public abstract long runId();

  /** The job the run belongs to ({@code job_id}); absent for some one-time runs. */
  @JsonProperty("job_id")
  public abstract Optional<Long> jobId();

  /** The run's name ({@code run_name}): the job's name, or the one given on submit. */
  @JsonProperty("run_name")
  public abstract Optional<String> runName();

  /** The run's sequence number among the job's runs ({@code number_in_job}). */
  @JsonProperty("number_in_job")
  public abstract Optional<Long> numberInJob();

  /** The attempt this run is ({@code attempt_number}): 0 for the first, higher for retries. */
  @JsonProperty("attempt_number")
  public abstract Optional<Integer> attemptNumber();

  /**
   * For a retry, the id of the first attempt ({@code original_attempt_run_id}); the run's own id
   * otherwise.
   */
  @JsonProperty("original_attempt_run_id")
  public abstract Optional<Long> originalAttemptRunId();

  /** The deprecated but still sent {@code state} of the run: life-cycle and result state. */
  @Override
  @JsonProperty("state")
  public abstract Optional<RunState> state();

  /** The Jobs 2.2 {@code status} of the run: state, termination and queue details. */
  @Override
  @JsonProperty("status")
  public abstract Optional<RunStatus> status();

  /** The run's page in the workspace UI ({@code run_page_url}). */
  @JsonProperty("run_page_url")
  public abstract Optional<String> runPageUrl();

  /**
   * What started the run ({@code trigger}) as sent, e.g. {@code PERIODIC}, {@code ONE_TIME},
   * {@code RETRY}.
   */
  @JsonProperty("trigger")
  public abstract Optional<String> rawTrigger();

  /** {@code run_type} exactly as sent; {@link #runType()} is its enum. */
  @JsonProperty("run_type")
  public abstract Optional<String> rawRunType();

  /**
   * The task runs ({@code tasks}), every page merged by the client; left out when written and
   * empty.
   */
  @JsonProperty("tasks")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public abstract List<RunTask> tasks();

  /**
   * The iterations of a for-each task run ({@code iterations}), every page merged; left out when
   * written and empty.
   */
  @JsonProperty("iterations")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public abstract List<RunTask> iterations();

  /**
   * The job parameters with the values this run used ({@code job_parameters}); left out when
   * written and empty.
   */
  @JsonProperty("job_parameters")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public abstract List<RunParameter> jobParameters();

  /** The job clusters of the run ({@code job_clusters}); left out when written and empty. */
  @JsonProperty("job_clusters")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public abstract List<JobCluster> jobClusters();

  /** The cluster a single-task run used ({@code cluster_instance}). */
  @JsonProperty("cluster_instance")
  public abstract Optional<ClusterInstance> clusterInstance();

  /**
   * The run's first attempt and each repair ({@code repair_history}), kept as JSON; left out when
   * written and empty.
   */
  @JsonProperty("repair_history")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public abstract List<JsonNode> repairHistory();

  /**
   * The parameters this run was started with instead of the job's ({@code overriding_parameters}),
   * kept as JSON.
   */
  @JsonProperty("overriding_parameters")
  public abstract Optional<JsonNode> overridingParameters();

  /**
   * When the run started ({@code start_time}), milliseconds since the epoch; 0 or absent before it
   * started.
   */
  @JsonProperty("start_time")
  public abstract Optional<Long> startTime();

  /**
   * When the run ended ({@code end_time}), milliseconds since the epoch; 0 or absent while it goes
   * on.
   */
  @JsonProperty("end_time")
  public abstract Optional<Long> endTime();

  /**
   * Milliseconds spent setting up the cluster ({@code setup_duration}); 0 for multitask runs, which
   * report {@link #runDuration()}.
   */
  @JsonProperty("setup_duration")
  public abstract Optional<Long> setupDuration();

  /** Milliseconds spent running the commands ({@code execution_duration}); 0 for multitask runs. */
  @JsonProperty("execution_duration")
  public abstract Optional<Long> executionDuration();

  /** Milliseconds spent cleaning up ({@code cleanup_duration}); 0 for multitask runs. */
  @JsonProperty("cleanup_duration")
  public abstract Optional<Long> cleanupDuration();

  /** Milliseconds from start to end for a multitask run ({@code run_duration}). */
  @JsonProperty("run_duration")
  public abstract Optional<Long> runDuration();

  /** Milliseconds the run waited in the queue ({@code queue_duration}). */
  @JsonProperty("queue_duration")
  public abstract Optional<Long> queueDuration();

  /** Who started the run ({@code creator_user_name}). */
  @JsonProperty("creator_user_name")
  public abstract Optional<String> creatorUserName();

  /** The run's description ({@code description}). */
  @JsonProperty("description")
  public abstract Optional<String> description();

  /** Set on a page of {@code runs/get}; the client follows it and clears it. */
  @JsonProperty("next_page_token")
  public abstract Optional<String> nextPageToken();

  /** The kind of run; {@link RunType#UNKNOWN} when absent or not known to this SDK. */
  public RunType runType() {
    return RunType.fromWire(rawRunType().orElse(null));
  }

  /** {@link #startTime()} as an instant; empty while absent or 0. */
  public Optional<Instant> startedAt() {
    return startTime().filter(t -> t > 0).map(Instant::ofEpochMilli);
  }

  /** {@link #endTime()} as an instant; empty while absent or 0. */
  public Optional<Instant> endedAt() {
    return endTime().filter(t -> t > 0).map(Instant::ofEpochMilli);
  }

  /** The task run with this key, if the run has one. */
  public Optional<RunTask> task(String taskKey) {
    return tasks().stream().filter(t -> t.taskKey().equals(taskKey)).findFirst();
  }
}
