package dev.kiln.jobs.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/** The cluster a run used. */
@Value.Immutable
@JsonSerialize(as = ClusterInstance.class)
@JsonDeserialize(as = ClusterInstance.class)
abstract class ClusterInstanceDef {
  @JsonProperty("cluster_id")
  public abstract Optional<String> clusterId();

  @JsonProperty("spark_context_id")
  public abstract Optional<String> sparkContextId();
}
