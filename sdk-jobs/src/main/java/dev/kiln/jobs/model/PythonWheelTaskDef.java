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
  /** The wheel's package name ({@code package_name}). */
  @JsonProperty("package_name")
  public abstract String packageName();

  /**
   * The function to call ({@code entry_point}), as declared in the package's entry points or a
   * {@code module.function} name.
   */
  @JsonProperty("entry_point")
  public abstract String entryPoint();

  /** Command-line arguments ({@code parameters}); left out of the request when empty. */
  @JsonProperty("parameters")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public abstract List<String> parameters();

  /**
   * Named arguments, passed as {@code --key=value} ({@code named_parameters}); left out of the
   * request when empty.
   */
  @JsonProperty("named_parameters")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public abstract Map<String, String> namedParameters();
}
