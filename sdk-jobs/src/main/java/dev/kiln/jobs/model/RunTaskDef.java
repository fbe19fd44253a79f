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
  @JsonProperty("run_id")
  public abstract long runId();

  @JsonProperty("task_key")
  public abstract String taskKey();

  @JsonProperty("description")
  public abstract Optional<String> description();

  @Override
  @JsonProperty("state")
  public abstract Optional<RunState> state();

  @Override
  @JsonProperty("status")
  public abstract Optional<RunStatus> status();

  @JsonProperty("depends_on")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public abstract List<TaskDependency> dependsOn();

  @JsonProperty("run_if")
  public abstract Optional<String> runIf();

  @JsonProperty("existing_cluster_id")
  public abstract Optional<String> existingClusterId();

  @JsonProperty("job_cluster_key")
  public abstract Optional<String> jobClusterKey();

  @JsonProperty("cluster_instance")
  public abstract Optional<ClusterInstance> clusterInstance();

  @JsonProperty("notebook_task")
  public abstract Optional<NotebookTask> notebookTask();

  @JsonProperty("spark_python_task")
  public abstract Optional<SparkPythonTask> sparkPythonTask();

  @JsonProperty("python_wheel_task")
  public abstract Optional<PythonWheelTask> pythonWheelTask();

  @JsonProperty("sql_task")
  public abstract Optional<SqlTask> sqlTask();

  @JsonProperty("run_job_task")
  public abstract Optional<RunJobTask> runJobTask();

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

  @JsonProperty("queue_duration")
  public abstract Optional<Long> queueDuration();

  @JsonProperty("attempt_number")
  public abstract Optional<Integer> attemptNumber();

  @JsonProperty("run_page_url")
  public abstract Optional<String> runPageUrl();
}
