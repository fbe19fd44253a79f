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
  @JsonProperty("run_id")
  public abstract long runId();

  @JsonProperty("rerun_tasks")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public abstract List<String> rerunTasks();

  @JsonProperty("rerun_all_failed_tasks")
  public abstract Optional<Boolean> rerunAllFailedTasks();

  @JsonProperty("rerun_dependent_tasks")
  public abstract Optional<Boolean> rerunDependentTasks();

  @JsonProperty("latest_repair_id")
  public abstract Optional<Long> latestRepairId();

  @JsonProperty("job_parameters")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public abstract Map<String, String> jobParameters();

  @JsonProperty("notebook_params")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public abstract Map<String, String> notebookParams();

  @JsonProperty("python_params")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public abstract List<String> pythonParams();
}
