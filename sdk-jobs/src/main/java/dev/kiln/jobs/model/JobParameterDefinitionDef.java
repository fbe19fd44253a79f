package dev.kiln.jobs.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import org.immutables.value.Value;

/** A job-level parameter and its default ({@code parameters[]}); runs override it with {@code job_parameters}. */
@Value.Immutable
@JsonSerialize(as = JobParameterDefinition.class)
@JsonDeserialize(as = JobParameterDefinition.class)
abstract class JobParameterDefinitionDef {
  /**
   * The parameter's name ({@code name}), as tasks refer to it in {@code {{job.parameters.<name>}}}.
   */
  @JsonProperty("name")
  public abstract String name();

  /** The value used when a run does not set one ({@code default}). */
  @JsonProperty("default")
  public abstract String defaultValue();

  /**
   * A job parameter from its name and default.
   *
   * @param name the parameter's name
   * @param defaultValue the value used when a run sets none
   * @return the definition
   */
  public static JobParameterDefinition of(String name, String defaultValue) {
    return JobParameterDefinition.builder().name(name).defaultValue(defaultValue).build();
  }
}
