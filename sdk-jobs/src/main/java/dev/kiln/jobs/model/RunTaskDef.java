package dev.kiln.jobs.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** One task of a run ({@code tasks[]}), or one iteration of a for-each task ({@code iterations[]}). Its own {@link #runId()} is what {@code getRunOutput} takes. */
@Value.Immutable
@JsonSerialize(as = RunTask.class)
@JsonDeserialize(as = RunTask.class)
abstract class RunTaskDef implements RunStateView {
  /** The task run's own id ({@code run_id}), what {@code getRunOutput} takes. */
  @JsonProperty("run_id")
  public abstract long runId();

  /** The task's key within the job ({@code task_key}). */
  @JsonProperty("task_key")
  public abstract String taskKey();

  /** The task's description ({@code description}). */
  @JsonProperty("description")
  public abstract Optional<String> description();

  /** The deprecated but still sent {@code state} of the task run: life-cycle and result state. */
  @Override
  @JsonProperty("state")
  public abstract Optional<RunState> state();

  /** The Jobs 2.2 {@code status} of the task run: state, termination and queue details. */
  @Override
  @JsonProperty("status")
  public abstract Optional<RunStatus> status();

  /** The tasks this one waited for ({@code depends_on}); left out when written and empty. */
  @JsonProperty("depends_on")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public abstract List<TaskDependency> dependsOn();

  /**
   * When the task runs relative to its dependencies ({@code run_if}), e.g. {@code ALL_SUCCESS},
   * {@code ALL_DONE}.
   */
  @JsonProperty("run_if")
  public abstract Optional<String> runIf();

  /** The all-purpose cluster the task ran on ({@code existing_cluster_id}), if it used one. */
  @JsonProperty("existing_cluster_id")
  public abstract Optional<String> existingClusterId();

  /** The job cluster the task ran on ({@code job_cluster_key}), if it used one. */
  @JsonProperty("job_cluster_key")
  public abstract Optional<String> jobClusterKey();

  /** The cluster and Spark context the task used ({@code cluster_instance}). */
  @JsonProperty("cluster_instance")
  public abstract Optional<ClusterInstance> clusterInstance();

  /** The task's notebook body ({@code notebook_task}), for a notebook task. */
  @JsonProperty("notebook_task")
  public abstract Optional<NotebookTask> notebookTask();

  /** The task's Python file body ({@code spark_python_task}), for a Python file task. */
  @JsonProperty("spark_python_task")
  public abstract Optional<SparkPythonTask> sparkPythonTask();

  /** The task's wheel body ({@code python_wheel_task}), for a Python wheel task. */
  @JsonProperty("python_wheel_task")
  public abstract Optional<PythonWheelTask> pythonWheelTask();

  /** The task's SQL body ({@code sql_task}), for a SQL task. */
  @JsonProperty("sql_task")
  public abstract Optional<SqlTask> sqlTask();

  /** The task's run-job body ({@code run_job_task}), for a task that triggers another job. */
  @JsonProperty("run_job_task")
  public abstract Optional<RunJobTask> runJobTask();

  /**
   * When the task run started ({@code start_time}), milliseconds since the epoch; 0 or absent
   * before it started.
   */
  @JsonProperty("start_time")
  public abstract Optional<Long> startTime();

  /**
   * When the task run ended ({@code end_time}), milliseconds since the epoch; 0 or absent while it
   * goes on.
   */
  @JsonProperty("end_time")
  public abstract Optional<Long> endTime();

  /** Milliseconds spent setting up the cluster ({@code setup_duration}). */
  @JsonProperty("setup_duration")
  public abstract Optional<Long> setupDuration();

  /** Milliseconds spent running the task ({@code execution_duration}). */
  @JsonProperty("execution_duration")
  public abstract Optional<Long> executionDuration();

  /** Milliseconds spent cleaning up ({@code cleanup_duration}). */
  @JsonProperty("cleanup_duration")
  public abstract Optional<Long> cleanupDuration();

  /** Milliseconds the task run waited in the queue ({@code queue_duration}). */
  @JsonProperty("queue_duration")
  public abstract Optional<Long> queueDuration();

  /** The attempt this task run is ({@code attempt_number}): 0 for the first, higher for retries. */
  @JsonProperty("attempt_number")
  public abstract Optional<Integer> attemptNumber();

  /** The task run's page in the workspace UI ({@code run_page_url}). */
  @JsonProperty("run_page_url")
  public abstract Optional<String> runPageUrl();
}
