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
  @JsonProperty("python_file")
  public abstract String pythonFile();

  @JsonProperty("parameters")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public abstract List<String> parameters();

  @JsonProperty("source")
  public abstract Optional<String> source();
}
