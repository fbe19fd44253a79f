package dev.kiln.mlflow.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.Instant;
import org.immutables.value.Value;

/**
 * One metric point: {@code key}, {@code value} at {@code timestamp} (milliseconds since the epoch)
 * and {@code step}. MLflow accepts NaN and ±Infinity values; they travel as the JSON strings
 * {@code "NaN"}, {@code "Infinity"} and {@code "-Infinity"}, as protobuf's JSON form writes them.
 * {@code Metric.of(key, value, timestamp, step)}.
 */
@Value.Immutable
@JsonSerialize(as = Metric.class)
@JsonDeserialize(as = Metric.class)
abstract class MetricDef {
  /** The metric's name ({@code key}). */
  @JsonProperty("key")
  @Value.Parameter
  public abstract String key();

  /** The measured value ({@code value}); may be NaN or infinite. */
  @JsonProperty("value")
  @Value.Parameter
  public abstract double value();

  /** Milliseconds since the epoch; must not be negative. */
  @JsonProperty("timestamp")
  @Value.Parameter
  public abstract long timestamp();

  /** The training step the value belongs to ({@code step}); 0 when not set. */
  @JsonProperty("step")
  @Value.Default
  @Value.Parameter
  public long step() {
    return 0;
  }

  /** {@link #timestamp()} as an instant. */
  public Instant time() {
    return Instant.ofEpochMilli(timestamp());
  }
}
