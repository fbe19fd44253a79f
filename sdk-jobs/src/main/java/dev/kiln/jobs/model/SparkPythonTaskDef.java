package dev.kiln.jobs.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** A task that runs a Python file: {@code spark_python_task}. */
@Value.Immutable
@JsonSerialize(as = SparkPythonTask.class)
@JsonDeserialize(as = SparkPythonTask.class)
abstract class SparkPythonTaskDef {
  /**
   * The Python file to run ({@code python_file}): a workspace, volume or cloud path, or a path in
   * the Git source.
   */
  @JsonProperty("python_file")
  public abstract String pythonFile();

  /**
   * Command-line arguments for the file ({@code parameters}); left out of the request when empty.
   */
  @JsonProperty("parameters")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public abstract List<String> parameters();

  /**
   * Where {@link #pythonFile()} is ({@code source}): {@code WORKSPACE} or {@code GIT}; the server
   * picks from {@code git_source} when absent.
   */
  @JsonProperty("source")
  public abstract Optional<String> source();
}
