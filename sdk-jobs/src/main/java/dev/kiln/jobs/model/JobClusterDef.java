package dev.kiln.jobs.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import org.immutables.value.Value;

/** A cluster shared by a job's tasks: {@code job_clusters[]}. */
@Value.Immutable
@JsonSerialize(as = JobCluster.class)
@JsonDeserialize(as = JobCluster.class)
abstract class JobClusterDef {
  @JsonProperty("job_cluster_key")
  public abstract String jobClusterKey();

  @JsonProperty("new_cluster")
  public abstract ClusterSpec newCluster();

  public static JobCluster of(String jobClusterKey, ClusterSpec newCluster) {
    return JobCluster.builder().jobClusterKey(jobClusterKey).newCluster(newCluster).build();
  }
}
