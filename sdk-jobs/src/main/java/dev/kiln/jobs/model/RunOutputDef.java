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
  @JsonProperty("metadata")
  public abstract Optional<Run> metadata();

  @JsonProperty("notebook_output")
  public abstract Optional<NotebookOutput> notebookOutput();

  @JsonProperty("logs")
  public abstract Optional<String> logs();

  @JsonProperty("logs_truncated")
  public abstract Optional<Boolean> logsTruncated();

  @JsonProperty("error")
  public abstract Optional<String> error();

  @JsonProperty("error_trace")
  public abstract Optional<String> errorTrace();

  @JsonProperty("sql_output")
  public abstract Optional<JsonNode> sqlOutput();

  @JsonProperty("run_job_output")
  public abstract Optional<JsonNode> runJobOutput();

  @JsonProperty("dbt_output")
  public abstract Optional<JsonNode> dbtOutput();

  @JsonProperty("info")
  public abstract Optional<String> info();

  /** {@code notebook_output.result}, if the notebook exited with a value. */
  public Optional<String> notebookResult() {
    return notebookOutput().flatMap(NotebookOutput::result);
  }
}
