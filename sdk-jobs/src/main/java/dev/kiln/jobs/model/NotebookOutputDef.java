package dev.kiln.jobs.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code notebook_output}: the value a notebook passed to {@code dbutils.notebook.exit} (first 5 MB). */
@Value.Immutable
@JsonSerialize(as = NotebookOutput.class)
@JsonDeserialize(as = NotebookOutput.class)
abstract class NotebookOutputDef {
  /** Absent when the notebook never called exit. */
  @JsonProperty("result")
  public abstract Optional<String> result();

  /** Whether the result was cut at 5 MB ({@code truncated}). */
  @JsonProperty("truncated")
  public abstract Optional<Boolean> truncated();
}
