package dev.kiln.jobs.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** One task of a job or one-time run: its key, dependencies, compute and exactly one body ({@code notebook_task}, {@code spark_python_task}, ...). Bodies this SDK does not model ({@code for_each_task}, {@code condition_task}, ...) are kept as JSON. */
@Value.Immutable
@JsonSerialize(as = Task.class)
@JsonDeserialize(as = Task.class)
abstract class TaskDef {
  /** Unique within the job: letters, digits, {@code -} and {@code _}, at most 100. */
  @JsonProperty("task_key")
  public abstract String taskKey();

  /** The task's description ({@code description}). */
  @JsonProperty("description")
  public abstract Optional<String> description();

  /** The tasks this one waits for ({@code depends_on}); left out of the request when empty. */
  @JsonProperty("depends_on")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public abstract List<TaskDependency> dependsOn();

  /** ALL_SUCCESS (default), ALL_DONE, NONE_FAILED, AT_LEAST_ONE_SUCCESS, ALL_FAILED or AT_LEAST_ONE_FAILED. */
  @JsonProperty("run_if")
  public abstract Optional<String> runIf();

  /**
   * An all-purpose cluster to run on ({@code existing_cluster_id}); one compute choice per task.
   */
  @JsonProperty("existing_cluster_id")
  public abstract Optional<String> existingClusterId();

  /** A new cluster just for this task ({@code new_cluster}); one compute choice per task. */
  @JsonProperty("new_cluster")
  public abstract Optional<ClusterSpec> newCluster();

  /** A job cluster to run on, by key ({@code job_cluster_key}); one compute choice per task. */
  @JsonProperty("job_cluster_key")
  public abstract Optional<String> jobClusterKey();

  /**
   * A serverless environment of the job, by key ({@code environment_key}), for serverless Python
   * tasks.
   */
  @JsonProperty("environment_key")
  public abstract Optional<String> environmentKey();

  /** Run a notebook ({@code notebook_task}). */
  @JsonProperty("notebook_task")
  public abstract Optional<NotebookTask> notebookTask();

  /** Run a Python file ({@code spark_python_task}). */
  @JsonProperty("spark_python_task")
  public abstract Optional<SparkPythonTask> sparkPythonTask();

  /** Call an entry point of a Python wheel ({@code python_wheel_task}). */
  @JsonProperty("python_wheel_task")
  public abstract Optional<PythonWheelTask> pythonWheelTask();

  /** Run SQL on a warehouse ({@code sql_task}). */
  @JsonProperty("sql_task")
  public abstract Optional<SqlTask> sqlTask();

  /** Trigger another job ({@code run_job_task}). */
  @JsonProperty("run_job_task")
  public abstract Optional<RunJobTask> runJobTask();

  /** Run a nested task once per input ({@code for_each_task}), kept as JSON. */
  @JsonProperty("for_each_task")
  public abstract Optional<JsonNode> forEachTask();

  /**
   * Compare two values and let dependants run by the outcome ({@code condition_task}), kept as
   * JSON.
   */
  @JsonProperty("condition_task")
  public abstract Optional<JsonNode> conditionTask();

  /** Run a JAR's main class ({@code spark_jar_task}), kept as JSON. */
  @JsonProperty("spark_jar_task")
  public abstract Optional<JsonNode> sparkJarTask();

  /** Run dbt commands ({@code dbt_task}), kept as JSON. */
  @JsonProperty("dbt_task")
  public abstract Optional<JsonNode> dbtTask();

  /** Update a Lakeflow Declarative Pipeline ({@code pipeline_task}), kept as JSON. */
  @JsonProperty("pipeline_task")
  public abstract Optional<JsonNode> pipelineTask();

  /**
   * How long each attempt may take, in seconds ({@code timeout_seconds}); no limit when absent or
   * 0.
   */
  @JsonProperty("timeout_seconds")
  public abstract Optional<Integer> timeoutSeconds();

  /**
   * How many times a failed attempt is retried ({@code max_retries}); none when absent, {@code -1}
   * for no limit.
   */
  @JsonProperty("max_retries")
  public abstract Optional<Integer> maxRetries();

  /**
   * The least time between a failure and the retry, in milliseconds
   * ({@code min_retry_interval_millis}).
   */
  @JsonProperty("min_retry_interval_millis")
  public abstract Optional<Integer> minRetryIntervalMillis();

  /**
   * Whether an attempt that timed out is retried too ({@code retry_on_timeout}); false when absent.
   */
  @JsonProperty("retry_on_timeout")
  public abstract Optional<Boolean> retryOnTimeout();

  /**
   * Libraries to install on the cluster ({@code libraries}), kept as JSON; left out of the request
   * when empty.
   */
  @JsonProperty("libraries")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public abstract List<JsonNode> libraries();

  /** Who is mailed about this task's runs ({@code email_notifications}). */
  @JsonProperty("email_notifications")
  public abstract Optional<EmailNotifications> emailNotifications();
}
