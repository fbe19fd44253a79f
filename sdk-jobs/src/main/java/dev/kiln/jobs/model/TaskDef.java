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

  @JsonProperty("description")
  public abstract Optional<String> description();

  @JsonProperty("depends_on")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public abstract List<TaskDependency> dependsOn();

  /** ALL_SUCCESS (default), ALL_DONE, NONE_FAILED, AT_LEAST_ONE_SUCCESS, ALL_FAILED or AT_LEAST_ONE_FAILED. */
  @JsonProperty("run_if")
  public abstract Optional<String> runIf();

  @JsonProperty("existing_cluster_id")
  public abstract Optional<String> existingClusterId();

  @JsonProperty("new_cluster")
  public abstract Optional<ClusterSpec> newCluster();

  @JsonProperty("job_cluster_key")
  public abstract Optional<String> jobClusterKey();

  @JsonProperty("environment_key")
  public abstract Optional<String> environmentKey();

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

  @JsonProperty("for_each_task")
  public abstract Optional<JsonNode> forEachTask();

  @JsonProperty("condition_task")
  public abstract Optional<JsonNode> conditionTask();

  @JsonProperty("spark_jar_task")
  public abstract Optional<JsonNode> sparkJarTask();

  @JsonProperty("dbt_task")
  public abstract Optional<JsonNode> dbtTask();

  @JsonProperty("pipeline_task")
  public abstract Optional<JsonNode> pipelineTask();

  @JsonProperty("timeout_seconds")
  public abstract Optional<Integer> timeoutSeconds();

  @JsonProperty("max_retries")
  public abstract Optional<Integer> maxRetries();

  @JsonProperty("min_retry_interval_millis")
  public abstract Optional<Integer> minRetryIntervalMillis();

  @JsonProperty("retry_on_timeout")
  public abstract Optional<Boolean> retryOnTimeout();

  @JsonProperty("libraries")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public abstract List<JsonNode> libraries();

  @JsonProperty("email_notifications")
  public abstract Optional<EmailNotifications> emailNotifications();
}
