package dev.kiln.mlflow.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import org.immutables.value.Value;

/** A {@code {key, value}} tag of an experiment, run, registered model or model version. */
@Value.Immutable
@JsonSerialize(as = Tag.class)
@JsonDeserialize(as = Tag.class)
abstract class TagDef {
  /** The tag's name ({@code key}). */
  @JsonProperty("key")
  @Value.Parameter
  public abstract String key();

  /** Absent on the wire means empty. */
  @JsonProperty("value")
  @Value.Default
  @Value.Parameter
  public String value() {
    return "";
  }
}
