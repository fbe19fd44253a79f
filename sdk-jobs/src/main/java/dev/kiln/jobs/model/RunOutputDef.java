package dev.kiln.jobs.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/** The output of one task run ({@code runs/get-output}): notebook result, logs, error and error trace. */
@Value.Immutable
@JsonSerialize(as = RunOutput.class)
@JsonDeserialize(as = RunOutput.class)
abstract class RunOutputDef {
  /** The task run itself ({@code metadata}), with its state. */
  @JsonProperty("metadata")
  public abstract Optional<Run> metadata();

  /** What a notebook task passed to {@code dbutils.notebook.exit} ({@code notebook_output}). */
  @JsonProperty("notebook_output")
  public abstract Optional<NotebookOutput> notebookOutput();

  /** The standard output of a Python or wheel task ({@code logs}), if it has one. */
  @JsonProperty("logs")
  public abstract Optional<String> logs();

  /** Whether {@link #logs()} was cut to the server's limit ({@code logs_truncated}). */
  @JsonProperty("logs_truncated")
  public abstract Optional<Boolean> logsTruncated();

  /** The error message of a failed task ({@code error}). */
  @JsonProperty("error")
  public abstract Optional<String> error();

  /** The stack trace of a failed task ({@code error_trace}). */
  @JsonProperty("error_trace")
  public abstract Optional<String> errorTrace();

  /** The output of a SQL task ({@code sql_output}), kept as JSON. */
  @JsonProperty("sql_output")
  public abstract Optional<JsonNode> sqlOutput();

  /**
   * The output of a run-job task ({@code run_job_output}): the triggered run's id, kept as JSON.
   */
  @JsonProperty("run_job_output")
  public abstract Optional<JsonNode> runJobOutput();

  /** The output of a dbt task ({@code dbt_output}), kept as JSON. */
  @JsonProperty("dbt_output")
  public abstract Optional<JsonNode> dbtOutput();

  /** Why no output is available, e.g. for a task type that has none ({@code info}). */
  @JsonProperty("info")
  public abstract Optional<String> info();

  /** {@code notebook_output.result}, if the notebook exited with a value. */
  public Optional<String> notebookResult() {
    return notebookOutput().flatMap(NotebookOutput::result);
  }
}
