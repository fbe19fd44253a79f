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
  @JsonProperty("name")
  public abstract String name();

  @JsonProperty("default")
  public abstract Optional<String> defaultValue();

  @JsonProperty("value")
  public abstract Optional<String> value();
}
