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
  /** The cluster's id ({@code cluster_id}), used in every call about it. */
  @JsonProperty("cluster_id")
  public abstract String clusterId();

  /** The name shown in the UI ({@code cluster_name}); names need not be unique. */
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

  /** The Databricks Runtime key ({@code spark_version}), e.g. {@code 15.4.x-scala2.12}. */
  @JsonProperty("spark_version")
  public abstract Optional<String> sparkVersion();

  /** The workers' instance type ({@code node_type_id}), e.g. {@code Standard_DS3_v2}. */
  @JsonProperty("node_type_id")
  public abstract Optional<String> nodeTypeId();

  /**
   * The driver's instance type ({@code driver_node_type_id}); the server reports the worker type
   * when none was set.
   */
  @JsonProperty("driver_node_type_id")
  public abstract Optional<String> driverNodeTypeId();

  /** The target number of workers (with autoscale, the current target). */
  @JsonProperty("num_workers")
  public abstract OptionalInt numWorkers();

  /** The worker range autoscaling keeps to, when the cluster autoscales. */
  @JsonProperty("autoscale")
  public abstract Optional<AutoScale> autoscale();

  /** Minutes idle before the cluster terminates itself; 0 means never. */
  @JsonProperty("autotermination_minutes")
  public abstract OptionalInt autoterminationMinutes();

  /** Spark configuration set on the cluster ({@code spark_conf}); empty when none. */
  @JsonProperty("spark_conf")
  public abstract Map<String, String> sparkConf();

  /** Tags the cluster's creator added to its cloud resources; empty when none. */
  @JsonProperty("custom_tags")
  public abstract Map<String, String> customTags();

  /**
   * Tags the server adds to every cluster's cloud resources (e.g. {@code Vendor},
   * {@code ClusterId}); empty when not sent.
   */
  @JsonProperty("default_tags")
  public abstract Map<String, String> defaultTags();

  /** Azure-specific settings, on an Azure workspace. */
  @JsonProperty("azure_attributes")
  public abstract Optional<AzureAttributes> azureAttributes();

  /** AWS-specific settings, on an AWS workspace. */
  @JsonProperty("aws_attributes")
  public abstract Optional<AwsAttributes> awsAttributes();

  /** Google Cloud-specific settings, on a GCP workspace. */
  @JsonProperty("gcp_attributes")
  public abstract Optional<GcpAttributes> gcpAttributes();

  /**
   * The access mode exactly as sent ({@code data_security_mode}); {@link #dataSecurityMode()} is
   * the typed form.
   */
  @JsonProperty("data_security_mode")
  public abstract Optional<String> rawDataSecurityMode();

  /** The one user (or group) allowed on a single-user / dedicated cluster. */
  @JsonProperty("single_user_name")
  public abstract Optional<String> singleUserName();

  /** The cluster policy the cluster was created under, if any. */
  @JsonProperty("policy_id")
  public abstract Optional<String> policyId();

  /** The instance pool the workers come from, if any. */
  @JsonProperty("instance_pool_id")
  public abstract Optional<String> instancePoolId();

  /** Who created the cluster; absent when that user was deleted. */
  @JsonProperty("creator_user_name")
  public abstract Optional<String> creatorUserName();

  /** UI, API, JOB, ... as sent. */
  @JsonProperty("cluster_source")
  public abstract Optional<String> clusterSource();

  /** Epoch milliseconds of the last start. */
  @JsonProperty("start_time")
  public abstract OptionalLong startTime();

  /** Epoch milliseconds when the cluster last terminated; absent while it has not. */
  @JsonProperty("terminated_time")
  public abstract OptionalLong terminatedTime();

  /** Why the cluster last terminated; absent while it has not. */
  @JsonProperty("termination_reason")
  public abstract Optional<TerminationReason> terminationReason();

  /**
   * The typed state; {@code UNKNOWN} for a state this SDK version does not know (see
   * {@link #rawState()}).
   */
  @JsonIgnore
  public ClusterState state() {
    return ClusterState.fromWire(rawState());
  }

  /**
   * The typed access mode; absent when none was sent, {@code UNKNOWN} for a mode this SDK version
   * does not know.
   */
  @JsonIgnore
  public Optional<DataSecurityMode> dataSecurityMode() {
    return rawDataSecurityMode().map(DataSecurityMode::fromWire);
  }
}
