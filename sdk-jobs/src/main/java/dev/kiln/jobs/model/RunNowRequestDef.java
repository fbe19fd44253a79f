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
  /** The job to run ({@code job_id}). */
  @JsonProperty("job_id")
  public abstract long jobId();

  /**
   * Values for the job's parameters ({@code job_parameters}); the defaults fill the rest. Left out
   * of the request when empty.
   */
  @JsonProperty("job_parameters")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public abstract Map<String, String> jobParameters();

  /**
   * Notebook widget values for notebook tasks ({@code notebook_params}), for jobs without job
   * parameters; left out when empty.
   */
  @JsonProperty("notebook_params")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public abstract Map<String, String> notebookParams();

  /**
   * Command-line arguments for Python file tasks ({@code python_params}), for jobs without job
   * parameters; left out when empty.
   */
  @JsonProperty("python_params")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public abstract List<String> pythonParams();

  /**
   * Named arguments for Python wheel tasks ({@code python_named_params}), for jobs without job
   * parameters; left out when empty.
   */
  @JsonProperty("python_named_params")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public abstract Map<String, String> pythonNamedParams();

  /**
   * Arguments for JAR tasks ({@code jar_params}), for jobs without job parameters; left out when
   * empty.
   */
  @JsonProperty("jar_params")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public abstract List<String> jarParams();

  /**
   * Parameters for SQL tasks ({@code sql_params}), for jobs without job parameters; left out when
   * empty.
   */
  @JsonProperty("sql_params")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public abstract Map<String, String> sqlParams();

  /** At most 64 characters; generated when absent. */
  @JsonProperty("idempotency_token")
  public abstract Optional<String> idempotencyToken();

  /** Overrides the job's queueing for this run ({@code queue}); the job's setting when absent. */
  @JsonProperty("queue")
  public abstract Optional<QueueSettings> queue();

  /** Run only these task keys. */
  @JsonProperty("only")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public abstract List<String> only();

  /**
   * A request that runs job {@code jobId} with its defaults.
   *
   * @param jobId the job to run
   * @return the request
   */
  public static RunNowRequest of(long jobId) {
    return RunNowRequest.builder().jobId(jobId).build();
  }
}
