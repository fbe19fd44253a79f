package dev.kiln.mlflow.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/** What was logged to a run: the latest value of each metric, the params and the tags. */
@Value.Immutable
@JsonSerialize(as = RunData.class)
@JsonDeserialize(as = RunData.class)
abstract class RunDataDef {
  /** The latest point of each metric (the full series is {@code getMetricHistory}). */
  @JsonProperty("metrics")
  public abstract List<Metric> metrics();

  /** The run's params ({@code params}), each written once. */
  @JsonProperty("params")
  public abstract List<Param> params();

  /** The run's tags ({@code tags}), including MLflow's own {@code mlflow.*} tags. */
  @JsonProperty("tags")
  public abstract List<Tag> tags();

  /** The latest value of metric {@code key}, if it was logged. */
  public Optional<Double> metric(String key) {
    return metrics().stream().filter(m -> m.key().equals(key)).map(Metric::value).reduce((a, b) -> b);
  }

  /** The params as a map. */
  public Map<String, String> paramMap() {
    Map<String, String> map = new LinkedHashMap<>();
    params().forEach(p -> map.put(p.key(), p.value()));
    return Collections.unmodifiableMap(map);
  }

  /** The tags as a map (the last value wins for a repeated key). */
  public Map<String, String> tagMap() {
    return Tags.toMap(tags());
  }
}
