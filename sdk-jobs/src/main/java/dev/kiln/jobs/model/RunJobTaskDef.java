package dev.kiln.jobs.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Map;
import org.immutables.value.Value;

/** A task that triggers another job: {@code run_job_task}. */
@Value.Immutable
@JsonSerialize(as = RunJobTask.class)
@JsonDeserialize(as = RunJobTask.class)
abstract class RunJobTaskDef {
  /** The job to trigger ({@code job_id}). */
  @JsonProperty("job_id")
  public abstract long jobId();

  /**
   * Job parameters for the triggered run ({@code job_parameters}); left out of the request when
   * empty.
   */
  @JsonProperty("job_parameters")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public abstract Map<String, String> jobParameters();

  /**
   * A task that triggers job {@code jobId} with its defaults.
   *
   * @param jobId the job to trigger
   * @return the task body
   */
  public static RunJobTask of(long jobId) {
    return RunJobTask.builder().jobId(jobId).build();
  }
}
