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
  /** The fewest workers the cluster scales down to ({@code min_workers}). */
  @JsonProperty("min_workers")
  public abstract int minWorkers();

  /**
   * The most workers the cluster scales up to ({@code max_workers}); at least
   * {@link #minWorkers()}.
   */
  @JsonProperty("max_workers")
  public abstract int maxWorkers();
}
