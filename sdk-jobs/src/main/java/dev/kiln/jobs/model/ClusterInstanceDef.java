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
  /**
   * The id of the cluster the run used ({@code cluster_id}); set once the cluster was chosen or
   * created.
   */
  @JsonProperty("cluster_id")
  public abstract Optional<String> clusterId();

  /**
   * The Spark context the run used ({@code spark_context_id}); changes when the cluster restarts.
   */
  @JsonProperty("spark_context_id")
  public abstract Optional<String> sparkContextId();
}
