package dev.kiln.execution.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.kiln.core.error.InvalidRequestException;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.immutables.value.Value;

/**
 * What a cluster should be, as {@code ClustersClient.create} and {@code edit} send it: runtime, node
 * type, a fixed {@code numWorkers} or an {@code autoscale} range, Spark configuration, tags, cloud
 * attributes, auto-termination and access mode. {@code build()} rejects what the server would
 * (both sizes, auto-termination outside 0 or 10–10000, more than 45 custom tags, SINGLE_USER
 * without a user), so nothing invalid is sent.
 */
@Value.Immutable
@JsonSerialize(as = ClusterSpec.class)
abstract class ClusterSpecDef {
  /** The server's limit on {@code custom_tags}. */
  public static final int MAX_CUSTOM_TAGS = 45;
  static final int MIN_AUTOTERMINATION = 10;
  static final int MAX_AUTOTERMINATION = 10_000;

  /** The name shown in the UI; optional, and names need not be unique. */
  @JsonProperty("cluster_name")
  public abstract Optional<String> clusterName();

  /** Required: a runtime key from {@code sparkVersions()}, e.g. {@code 15.4.x-scala2.12}. */
  @JsonProperty("spark_version")
  @Value.Default
  public String sparkVersion() {
    return "";
  }

  /** Required unless the nodes come from {@link #instancePoolId()}. */
  @JsonProperty("node_type_id")
  public abstract Optional<String> nodeTypeId();

  /** The driver's instance type; the worker type when absent. */
  @JsonProperty("driver_node_type_id")
  public abstract Optional<String> driverNodeTypeId();

  /** A fixed number of workers (0: a single-node cluster); not with {@link #autoscale()}. */
  @JsonProperty("num_workers")
  public abstract OptionalInt numWorkers();

  /** A worker range for autoscaling; not with {@link #numWorkers()}. */
  @JsonProperty("autoscale")
  public abstract Optional<AutoScale> autoscale();

  /** Minutes idle before the cluster terminates itself: 0 (never) or 10–10000. */
  @JsonProperty("autotermination_minutes")
  public abstract OptionalInt autoterminationMinutes();

  /**
   * Spark configuration key-value pairs, e.g. {@code spark.sql.shuffle.partitions}; not sent when
   * empty.
   */
  @JsonProperty("spark_conf")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public abstract Map<String, String> sparkConf();

  /** Environment variables for the driver and workers; not sent when empty. */
  @JsonProperty("spark_env_vars")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public abstract Map<String, String> sparkEnvVars();

  /** At most 45; added to the cloud resources besides the default tags. */
  @JsonProperty("custom_tags")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public abstract Map<String, String> customTags();

  /** Azure-specific settings; at most one cloud's attributes may be given. */
  @JsonProperty("azure_attributes")
  public abstract Optional<AzureAttributes> azureAttributes();

  /** AWS-specific settings; at most one cloud's attributes may be given. */
  @JsonProperty("aws_attributes")
  public abstract Optional<AwsAttributes> awsAttributes();

  /** Google Cloud-specific settings; at most one cloud's attributes may be given. */
  @JsonProperty("gcp_attributes")
  public abstract Optional<GcpAttributes> gcpAttributes();

  /**
   * The access mode; the server's default when absent. {@code UNKNOWN} is rejected, and SINGLE_USER
   * and LEGACY_SINGLE_USER need {@link #singleUserName()}.
   */
  @JsonProperty("data_security_mode")
  public abstract Optional<DataSecurityMode> dataSecurityMode();

  /** The one user of a SINGLE_USER cluster. */
  @JsonProperty("single_user_name")
  public abstract Optional<String> singleUserName();

  /** A cluster policy the spec must satisfy; the server fills in the policy's fixed values. */
  @JsonProperty("policy_id")
  public abstract Optional<String> policyId();

  /** An instance pool to take nodes from; then {@link #nodeTypeId()} may be left out. */
  @JsonProperty("instance_pool_id")
  public abstract Optional<String> instancePoolId();

  /**
   * Rejects a spec the server would reject (see the class comment); run by {@code build()}.
   *
   * @throws dev.kiln.core.error.InvalidRequestException naming the first problem found
   */
  @Value.Check
  protected void check() {
    if (sparkVersion().isBlank()) {
      throw new InvalidRequestException("sparkVersion is required: pass a runtime key such as 15.4.x-scala2.12 "
          + "(ClustersClient.sparkVersions() lists them)");
    }
    if (nodeTypeId().isEmpty() && instancePoolId().isEmpty()) {
      throw new InvalidRequestException("nodeTypeId is required unless instancePoolId is set "
          + "(ClustersClient.listNodeTypes() lists them)");
    }
    if (numWorkers().isPresent() && autoscale().isPresent()) {
      throw new InvalidRequestException("give either numWorkers or autoscale, not both");
    }
    if (numWorkers().isPresent() && numWorkers().getAsInt() < 0) {
      throw new InvalidRequestException("numWorkers must not be negative, was " + numWorkers().getAsInt());
    }
    if (autoterminationMinutes().isPresent()) {
      int minutes = autoterminationMinutes().getAsInt();
      if (minutes != 0 && (minutes < MIN_AUTOTERMINATION || minutes > MAX_AUTOTERMINATION)) {
        throw new InvalidRequestException("autoterminationMinutes must be 0 (never) or 10 to 10000, was " + minutes);
      }
    }
    if (customTags().size() > MAX_CUSTOM_TAGS) {
      throw new InvalidRequestException("at most 45 custom tags are allowed, got " + customTags().size());
    }
    DataSecurityMode mode = dataSecurityMode().orElse(null);
    if (mode == DataSecurityMode.UNKNOWN) {
      throw new InvalidRequestException("dataSecurityMode UNKNOWN cannot be sent: choose a mode");
    }
    if (mode != null && mode.needsSingleUser() && singleUserName().filter(u -> !u.isBlank()).isEmpty()) {
      throw new InvalidRequestException("dataSecurityMode " + mode + " needs singleUserName (the one user of the cluster)");
    }
    int clouds = (azureAttributes().isPresent() ? 1 : 0) + (awsAttributes().isPresent() ? 1 : 0)
        + (gcpAttributes().isPresent() ? 1 : 0);
    if (clouds > 1) {
      throw new InvalidRequestException("give the attributes of one cloud only (azure, aws or gcp)");
    }
  }
}
