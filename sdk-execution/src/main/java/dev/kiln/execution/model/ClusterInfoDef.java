package dev.kiln.execution.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/** The parts of a cluster's description that readiness needs. */
@Value.Immutable
@JsonSerialize(as = ClusterInfo.class)
@JsonDeserialize(as = ClusterInfo.class)
abstract class ClusterInfoDef {
  @JsonProperty("cluster_id")
  public abstract String clusterId();

  @JsonProperty("cluster_name")
  public abstract Optional<String> clusterName();

  /** The state exactly as the server sent it (kept for states this version does not know). */
  @JsonProperty("state")
  @Value.Default
  public String rawState() {
    return "UNKNOWN";
  }

  /** Why the cluster is in its state, e.g. the reason it failed to start. */
  @JsonProperty("state_message")
  public abstract Optional<String> stateMessage();

  public ClusterState state() {
    return ClusterState.fromWire(rawState());
  }
}
