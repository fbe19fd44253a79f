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
  /** The key tasks name to use this cluster ({@code job_cluster_key}); unique within the job. */
  @JsonProperty("job_cluster_key")
  public abstract String jobClusterKey();

  /** The cluster's specification ({@code new_cluster}). */
  @JsonProperty("new_cluster")
  public abstract ClusterSpec newCluster();

  /**
   * A job cluster from its key and specification.
   *
   * @param jobClusterKey the key tasks refer to
   * @param newCluster the cluster's specification
   * @return the job cluster
   */
  public static JobCluster of(String jobClusterKey, ClusterSpec newCluster) {
    return JobCluster.builder().jobClusterKey(jobClusterKey).newCluster(newCluster).build();
  }
}
