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
  /** The runtime key to put in {@code ClusterSpec.sparkVersion}, e.g. {@code 15.4.x-scala2.12}. */
  @JsonProperty("key")
  public abstract String key();

  /**
   * The readable name, e.g. {@code 15.4 LTS (includes Apache Spark 3.5.0, Scala 2.12)}; the key
   * when the server sent none.
   */
  @JsonProperty("name")
  @Value.Default
  public String name() {
    return key();
  }
}
