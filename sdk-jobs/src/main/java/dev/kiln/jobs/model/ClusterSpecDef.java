package dev.kiln.jobs.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/** A cluster for a job or task ({@code new_cluster}); attributes this SDK does not model (cloud attributes, init scripts) go in {@code azure_attributes}/{@code aws_attributes}/{@code gcp_attributes} as JSON. */
@Value.Immutable
@JsonSerialize(as = ClusterSpec.class)
@JsonDeserialize(as = ClusterSpec.class)
abstract class ClusterSpecDef {
  /** The Databricks Runtime version ({@code spark_version}), e.g. {@code 15.4.x-scala2.12}. */
  @JsonProperty("spark_version")
  public abstract Optional<String> sparkVersion();

  /**
   * The worker node type ({@code node_type_id}), e.g. {@code i3.xlarge}; may come from the instance
   * pool or policy instead.
   */
  @JsonProperty("node_type_id")
  public abstract Optional<String> nodeTypeId();

  /** The driver node type ({@code driver_node_type_id}); the worker type when absent. */
  @JsonProperty("driver_node_type_id")
  public abstract Optional<String> driverNodeTypeId();

  /** A fixed size; or {@link #autoscale()}. */
  @JsonProperty("num_workers")
  public abstract Optional<Integer> numWorkers();

  /**
   * The worker range when the cluster autoscales ({@code autoscale}); use it or a fixed worker
   * count, not both.
   */
  @JsonProperty("autoscale")
  public abstract Optional<Autoscale> autoscale();

  /**
   * Spark configuration key-value pairs ({@code spark_conf}); left out of the request when empty.
   */
  @JsonProperty("spark_conf")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public abstract Map<String, String> sparkConf();

  /**
   * Environment variables of the driver and workers ({@code spark_env_vars}); left out of the
   * request when empty.
   */
  @JsonProperty("spark_env_vars")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public abstract Map<String, String> sparkEnvVars();

  /**
   * Tags for the cluster's cloud resources ({@code custom_tags}); left out of the request when
   * empty.
   */
  @JsonProperty("custom_tags")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public abstract Map<String, String> customTags();

  /**
   * The access mode ({@code data_security_mode}) as the server spells it, e.g. {@code SINGLE_USER},
   * {@code USER_ISOLATION}.
   */
  @JsonProperty("data_security_mode")
  public abstract Optional<String> dataSecurityMode();

  /** The one user who may use a single-user cluster ({@code single_user_name}). */
  @JsonProperty("single_user_name")
  public abstract Optional<String> singleUserName();

  /** The cluster policy the spec must follow ({@code policy_id}). */
  @JsonProperty("policy_id")
  public abstract Optional<String> policyId();

  /** The instance pool the nodes come from ({@code instance_pool_id}). */
  @JsonProperty("instance_pool_id")
  public abstract Optional<String> instancePoolId();

  /**
   * The engine ({@code runtime_engine}): {@code STANDARD} or {@code PHOTON}; picked from the
   * runtime version when absent.
   */
  @JsonProperty("runtime_engine")
  public abstract Optional<String> runtimeEngine();

  /** Azure settings ({@code azure_attributes}), passed as JSON as they are. */
  @JsonProperty("azure_attributes")
  public abstract Optional<JsonNode> azureAttributes();

  /** AWS settings ({@code aws_attributes}), passed as JSON as they are. */
  @JsonProperty("aws_attributes")
  public abstract Optional<JsonNode> awsAttributes();

  /** Google Cloud settings ({@code gcp_attributes}), passed as JSON as they are. */
  @JsonProperty("gcp_attributes")
  public abstract Optional<JsonNode> gcpAttributes();
}
