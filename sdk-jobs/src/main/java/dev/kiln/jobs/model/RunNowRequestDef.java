package dev.kiln.jobs.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/** What {@code run-now} starts: the job, its parameters, and the idempotency token (Kiln generates one when none is set, so a retried POST never starts a second run). Every params field except {@code job_parameters} is deprecated by Databricks but still honoured; each is limited to 10,000 bytes of JSON, and {@code jar_params} cannot be combined with {@code notebook_params}. */
@Value.Immutable
@JsonSerialize(as = RunNowRequest.class)
@JsonDeserialize(as = RunNowRequest.class)
abstract class RunNowRequestDef {
  @JsonProperty("job_id")
  public abstract long jobId();

  @JsonProperty("job_parameters")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public abstract Map<String, String> jobParameters();

  @JsonProperty("notebook_params")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public abstract Map<String, String> notebookParams();

  @JsonProperty("python_params")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public abstract List<String> pythonParams();

  @JsonProperty("python_named_params")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public abstract Map<String, String> pythonNamedParams();

  @JsonProperty("jar_params")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public abstract List<String> jarParams();

  @JsonProperty("sql_params")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public abstract Map<String, String> sqlParams();

  /** At most 64 characters; generated when absent. */
  @JsonProperty("idempotency_token")
  public abstract Optional<String> idempotencyToken();

  @JsonProperty("queue")
  public abstract Optional<QueueSettings> queue();

  /** Run only these task keys. */
  @JsonProperty("only")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public abstract List<String> only();

  public static RunNowRequest of(long jobId) {
    return RunNowRequest.builder().jobId(jobId).build();
  }
}
