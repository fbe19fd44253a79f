package dev.kiln.mlflow.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import org.immutables.value.Value;

/** A run parameter: written once; logging it again with another value is an error. */
@Value.Immutable
@JsonSerialize(as = Param.class)
@JsonDeserialize(as = Param.class)
abstract class ParamDef {
  /** The param's name ({@code key}). */
  @JsonProperty("key")
  @Value.Parameter
  public abstract String key();

  /** The param's value ({@code value}); empty when the server left it out. */
  @JsonProperty("value")
  @Value.Default
  @Value.Parameter
  public String value() {
    return "";
  }
}
