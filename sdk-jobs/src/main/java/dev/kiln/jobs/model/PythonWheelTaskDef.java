package dev.kiln.jobs.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.Map;
import org.immutables.value.Value;

/** A task that calls an entry point of a Python wheel: {@code python_wheel_task}. */
@Value.Immutable
@JsonSerialize(as = PythonWheelTask.class)
@JsonDeserialize(as = PythonWheelTask.class)
abstract class PythonWheelTaskDef {
  @JsonProperty("package_name")
  public abstract String packageName();

  @JsonProperty("entry_point")
  public abstract String entryPoint();

  @JsonProperty("parameters")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public abstract List<String> parameters();

  @JsonProperty("named_parameters")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public abstract Map<String, String> namedParameters();
}
