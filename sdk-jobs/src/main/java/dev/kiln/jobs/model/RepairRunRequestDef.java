package dev.kiln.jobs.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code runs/repair}: re-run some tasks of a finished run. {@code latest_repair_id} is required from the second repair on. */
@Value.Immutable
@JsonSerialize(as = RepairRunRequest.class)
@JsonDeserialize(as = RepairRunRequest.class)
abstract class RepairRunRequestDef {
  /** The run to repair ({@code run_id}): the job run, not a task run. */
  @JsonProperty("run_id")
  public abstract long runId();

  /**
   * The keys of the tasks to run again ({@code rerun_tasks}); left out of the request when empty.
   */
  @JsonProperty("rerun_tasks")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public abstract List<String> rerunTasks();

  /**
   * Whether every failed task runs again ({@code rerun_all_failed_tasks}), instead of naming them.
   */
  @JsonProperty("rerun_all_failed_tasks")
  public abstract Optional<Boolean> rerunAllFailedTasks();

  /** Whether tasks downstream of the re-run ones run again too ({@code rerun_dependent_tasks}). */
  @JsonProperty("rerun_dependent_tasks")
  public abstract Optional<Boolean> rerunDependentTasks();

  /**
   * The id of the previous repair of this run ({@code latest_repair_id}); required from the second
   * repair on.
   */
  @JsonProperty("latest_repair_id")
  public abstract Optional<Long> latestRepairId();

  /**
   * Job parameters for the re-run tasks ({@code job_parameters}); left out of the request when
   * empty.
   */
  @JsonProperty("job_parameters")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public abstract Map<String, String> jobParameters();

  /**
   * Notebook parameters for the re-run tasks ({@code notebook_params}); left out of the request
   * when empty.
   */
  @JsonProperty("notebook_params")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public abstract Map<String, String> notebookParams();

  /**
   * Python script arguments for the re-run tasks ({@code python_params}); left out of the request
   * when empty.
   */
  @JsonProperty("python_params")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public abstract List<String> pythonParams();
}
