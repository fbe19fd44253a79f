package dev.kiln.jobs.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/** A task that runs a notebook: {@code notebook_task}. */
@Value.Immutable
@JsonSerialize(as = NotebookTask.class)
@JsonDeserialize(as = NotebookTask.class)
abstract class NotebookTaskDef {
  /** Workspace path (absolute) or, with {@code source = GIT}, a path relative to the repository. */
  @JsonProperty("notebook_path")
  public abstract String notebookPath();

  /** Widget values; {@code notebook_params} of run-now override them. */
  @JsonProperty("base_parameters")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public abstract Map<String, String> baseParameters();

  /** {@code WORKSPACE} or {@code GIT}. */
  @JsonProperty("source")
  public abstract Optional<String> source();

  /** Run a SQL notebook on this SQL warehouse instead of a cluster. */
  @JsonProperty("warehouse_id")
  public abstract Optional<String> warehouseId();

  /** A notebook task for {@code notebookPath}. */
  public static NotebookTask of(String notebookPath) {
    return NotebookTask.builder().notebookPath(notebookPath).build();
  }
}
