package dev.kiln.jobs.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/** A job parameter of a run ({@code job_parameters[]}): its default and the value used. */
@Value.Immutable
@JsonSerialize(as = RunParameter.class)
@JsonDeserialize(as = RunParameter.class)
abstract class RunParameterDef {
  /** The parameter's name ({@code name}). */
  @JsonProperty("name")
  public abstract String name();

  /** The job's default for it ({@code default}). */
  @JsonProperty("default")
  public abstract Optional<String> defaultValue();

  /** The value this run used ({@code value}). */
  @JsonProperty("value")
  public abstract Optional<String> value();
}
