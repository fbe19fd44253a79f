package dev.kiln.execution.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.kiln.core.error.InvalidRequestException;
import org.immutables.value.Value;

/** Autoscaling bounds ({@code autoscale}): the cluster keeps between min and max workers. */
@Value.Immutable
@JsonSerialize(as = AutoScale.class)
@JsonDeserialize(as = AutoScale.class)
abstract class AutoScaleDef {
  /** The fewest workers the cluster scales down to; 0 or more. */
  @JsonProperty("min_workers")
  @Value.Parameter
  public abstract int minWorkers();

  /** The most workers the cluster scales up to; at least 1 and at least {@link #minWorkers()}. */
  @JsonProperty("max_workers")
  @Value.Parameter
  public abstract int maxWorkers();

  /**
   * Rejects bounds the server would; run by {@code build()} and {@code of(min, max)}.
   *
   * @throws dev.kiln.core.error.InvalidRequestException unless 0 &lt;= minWorkers &lt;= maxWorkers
   *     and maxWorkers &gt;= 1
   */
  @Value.Check
  protected void check() {
    if (minWorkers() < 0 || maxWorkers() < 1 || maxWorkers() < minWorkers()) {
      throw new InvalidRequestException("autoscale needs 0 <= minWorkers <= maxWorkers and maxWorkers >= 1, was "
          + minWorkers() + ".." + maxWorkers());
    }
  }
}
