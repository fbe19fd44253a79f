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
  @JsonProperty("name")
  public abstract String name();

  @JsonProperty("default")
  public abstract String defaultValue();

  public static JobParameterDefinition of(String name, String defaultValue) {
    return JobParameterDefinition.builder().name(name).defaultValue(defaultValue).build();
  }
}
