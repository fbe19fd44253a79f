package dev.kiln.jobs.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import org.immutables.value.Value;

/** {@code autoscale}: the worker range of a cluster. */
@Value.Immutable
@JsonSerialize(as = Autoscale.class)
@JsonDeserialize(as = Autoscale.class)
abstract class AutoscaleDef {
  @JsonProperty("min_workers")
  public abstract int minWorkers();

  @JsonProperty("max_workers")
  public abstract int maxWorkers();
}
