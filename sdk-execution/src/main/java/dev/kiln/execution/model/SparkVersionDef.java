package dev.kiln.execution.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import org.immutables.value.Value;

/** A Databricks Runtime a cluster can run: {@code key} goes into {@code spark_version}, {@code name} is for people. */
@Value.Immutable
@JsonSerialize(as = SparkVersion.class)
@JsonDeserialize(as = SparkVersion.class)
abstract class SparkVersionDef {
  @JsonProperty("key")
  public abstract String key();

  @JsonProperty("name")
  @Value.Default
  public String name() {
    return key();
  }
}
