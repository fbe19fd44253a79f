package dev.kiln.execution.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.immutables.value.Value;

/** A cluster as {@code /api/2.1/clusters/get} and {@code list} describe it: its spec plus its state. */
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

  @JsonProperty("spark_version")
  public abstract Optional<String> sparkVersion();

  @JsonProperty("node_type_id")
  public abstract Optional<String> nodeTypeId();

  @JsonProperty("driver_node_type_id")
  public abstract Optional<String> driverNodeTypeId();

  /** The target number of workers (with autoscale, the current target). */
  @JsonProperty("num_workers")
  public abstract OptionalInt numWorkers();

  @JsonProperty("autoscale")
  public abstract Optional<AutoScale> autoscale();

  @JsonProperty("autotermination_minutes")
  public abstract OptionalInt autoterminationMinutes();

  @JsonProperty("spark_conf")
  public abstract Map<String, String> sparkConf();

  @JsonProperty("custom_tags")
  public abstract Map<String, String> customTags();

  @JsonProperty("default_tags")
  public abstract Map<String, String> defaultTags();

  @JsonProperty("azure_attributes")
  public abstract Optional<AzureAttributes> azureAttributes();

  @JsonProperty("aws_attributes")
  public abstract Optional<AwsAttributes> awsAttributes();

  @JsonProperty("gcp_attributes")
  public abstract Optional<GcpAttributes> gcpAttributes();

  @JsonProperty("data_security_mode")
  public abstract Optional<String> rawDataSecurityMode();

  @JsonProperty("single_user_name")
  public abstract Optional<String> singleUserName();

  @JsonProperty("policy_id")
  public abstract Optional<String> policyId();

  @JsonProperty("instance_pool_id")
  public abstract Optional<String> instancePoolId();

  @JsonProperty("creator_user_name")
  public abstract Optional<String> creatorUserName();

  /** UI, API, JOB, ... as sent. */
  @JsonProperty("cluster_source")
  public abstract Optional<String> clusterSource();

  /** Epoch milliseconds of the last start. */
  @JsonProperty("start_time")
  public abstract OptionalLong startTime();

  @JsonProperty("terminated_time")
  public abstract OptionalLong terminatedTime();

  @JsonProperty("termination_reason")
  public abstract Optional<TerminationReason> terminationReason();

  @JsonIgnore
  public ClusterState state() {
    return ClusterState.fromWire(rawState());
  }

  @JsonIgnore
  public Optional<DataSecurityMode> dataSecurityMode() {
    return rawDataSecurityMode().map(DataSecurityMode::fromWire);
  }
}
