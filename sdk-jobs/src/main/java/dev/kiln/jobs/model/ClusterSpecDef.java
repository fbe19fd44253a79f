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
  @JsonProperty("spark_version")
  public abstract Optional<String> sparkVersion();

  @JsonProperty("node_type_id")
  public abstract Optional<String> nodeTypeId();

  @JsonProperty("driver_node_type_id")
  public abstract Optional<String> driverNodeTypeId();

  /** A fixed size; or {@link #autoscale()}. */
  @JsonProperty("num_workers")
  public abstract Optional<Integer> numWorkers();

  @JsonProperty("autoscale")
  public abstract Optional<Autoscale> autoscale();

  @JsonProperty("spark_conf")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public abstract Map<String, String> sparkConf();

  @JsonProperty("spark_env_vars")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public abstract Map<String, String> sparkEnvVars();

  @JsonProperty("custom_tags")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public abstract Map<String, String> customTags();

  @JsonProperty("data_security_mode")
  public abstract Optional<String> dataSecurityMode();

  @JsonProperty("single_user_name")
  public abstract Optional<String> singleUserName();

  @JsonProperty("policy_id")
  public abstract Optional<String> policyId();

  @JsonProperty("instance_pool_id")
  public abstract Optional<String> instancePoolId();

  @JsonProperty("runtime_engine")
  public abstract Optional<String> runtimeEngine();

  @JsonProperty("azure_attributes")
  public abstract Optional<JsonNode> azureAttributes();

  @JsonProperty("aws_attributes")
  public abstract Optional<JsonNode> awsAttributes();

  @JsonProperty("gcp_attributes")
  public abstract Optional<JsonNode> gcpAttributes();
}
