package dev.kiln.emulator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;

/**
 * Cluster specs as {@code clusters/create} and {@code edit} take them, checked as Databricks checks them (400
 * {@code INVALID_PARAMETER_VALUE} with its wording), and the runtimes and node types the workspace offers.
 */
final class ClusterSpecs {
  static final String DEFAULT_SPARK_VERSION = "15.4.x-scala2.12";
  static final String DEFAULT_NODE_TYPE = "i3.xlarge";
  private static final int MAX_CUSTOM_TAGS = 45;
  private static final Set<String> SECURITY_MODES = Set.of("NONE", "SINGLE_USER", "USER_ISOLATION", "LEGACY_TABLE_ACL",
      "LEGACY_PASSTHROUGH", "LEGACY_SINGLE_USER", "LEGACY_SINGLE_USER_STANDARD", "DATA_SECURITY_MODE_AUTO",
      "DATA_SECURITY_MODE_STANDARD", "DATA_SECURITY_MODE_DEDICATED");
  /** The fields a spec may carry; anything else in the body is ignored, as the real service ignores unknown fields. */
  private static final Set<String> SPEC_FIELDS = Set.of("cluster_name", "spark_version", "node_type_id",
      "driver_node_type_id", "num_workers", "autoscale", "autotermination_minutes", "spark_conf", "spark_env_vars",
      "custom_tags", "azure_attributes", "aws_attributes", "gcp_attributes", "data_security_mode", "single_user_name",
      "policy_id", "instance_pool_id", "runtime_engine", "enable_elastic_disk", "ssh_public_keys", "init_scripts",
      "cluster_log_conf", "is_single_node", "kind", "use_ml_runtime");

  private ClusterSpecs() {}

  /** The spec of a cluster added by seeding. */
  static ObjectNode seeded(String name) {
    ObjectNode spec = Json.object();
    spec.put("cluster_name", name);
    spec.put("spark_version", DEFAULT_SPARK_VERSION);
    spec.put("node_type_id", DEFAULT_NODE_TYPE);
    spec.put("num_workers", 0);
    return spec;
  }

  /** The spec fields of a create or edit body, checked. */
  static ObjectNode parse(JsonNode body) {
    ObjectNode spec = Json.object();
    body.fields().forEachRemaining(f -> {
      if (SPEC_FIELDS.contains(f.getKey()) && !f.getValue().isNull()) {
        spec.set(f.getKey(), f.getValue().deepCopy());
      }
    });
    if (!spec.path("spark_version").isTextual() || spec.path("spark_version").asText().isBlank()) {
      throw ApiException.invalidParameter("Missing required field: spark_version");
    }
    if (!spec.has("node_type_id") && !spec.has("instance_pool_id")) {
      throw ApiException.invalidParameter("Missing required field: node_type_id");
    }
    if (spec.has("num_workers") && spec.has("autoscale")) {
      throw ApiException.invalidParameter("Only one of num_workers or autoscale can be specified");
    }
    if (spec.has("num_workers") && (!spec.get("num_workers").canConvertToInt() || spec.get("num_workers").asInt() < 0)) {
      throw ApiException.invalidParameter("num_workers must be a non-negative integer");
    }
    if (spec.has("autoscale")) {
      checkAutoscale(spec.get("autoscale"));
    }
    if (spec.has("autotermination_minutes")) {
      int minutes = spec.get("autotermination_minutes").asInt(-1);
      if (minutes != 0 && (minutes < 10 || minutes > 10_000)) {
        throw ApiException.invalidParameter("Autotermination minutes must be either 0 or between 10 and 10000, got "
            + spec.get("autotermination_minutes"));
      }
    }
    if (spec.path("custom_tags").size() > MAX_CUSTOM_TAGS) {
      throw ApiException.invalidParameter("Number of custom tags must not exceed " + MAX_CUSTOM_TAGS);
    }
    JsonNode azure = spec.path("azure_attributes");
    if (azure.has("spot_bid_max_price")) {
      double price = azure.get("spot_bid_max_price").asDouble();
      if (price != -1 && !(price > 0)) {
        throw ApiException.invalidParameter("spot_bid_max_price must be -1 or greater than 0");
      }
    }
    if (spec.has("data_security_mode")) {
      String mode = spec.get("data_security_mode").asText();
      if (!SECURITY_MODES.contains(mode)) {
        throw ApiException.invalidParameter("Invalid data_security_mode: " + mode);
      }
      if ((mode.equals("SINGLE_USER") || mode.equals("LEGACY_SINGLE_USER"))
          && spec.path("single_user_name").asText("").isBlank()) {
        throw ApiException.invalidParameter("single_user_name is required when data_security_mode is " + mode);
      }
    }
    return spec;
  }

  /** {@code {num_workers}} or {@code {autoscale}} of a resize body, checked. */
  static ObjectNode size(JsonNode body) {
    boolean fixed = body.has("num_workers") && !body.get("num_workers").isNull();
    boolean auto = body.has("autoscale") && !body.get("autoscale").isNull();
    if (fixed == auto) {
      throw ApiException.invalidParameter("Exactly one of num_workers or autoscale must be specified");
    }
    ObjectNode size = Json.object();
    if (fixed) {
      if (!body.get("num_workers").canConvertToInt() || body.get("num_workers").asInt() < 0) {
        throw ApiException.invalidParameter("num_workers must be a non-negative integer");
      }
      size.put("num_workers", body.get("num_workers").asInt());
    } else {
      checkAutoscale(body.get("autoscale"));
      size.set("autoscale", body.get("autoscale").deepCopy());
    }
    return size;
  }

  private static void checkAutoscale(JsonNode autoscale) {
    int min = autoscale.path("min_workers").asInt(-1);
    int max = autoscale.path("max_workers").asInt(-1);
    if (min < 0 || max < 1 || max < min) {
      throw ApiException.invalidParameter("autoscale needs 0 <= min_workers <= max_workers and max_workers >= 1");
    }
  }

  static ObjectNode sparkVersions() {
    ObjectNode body = Json.object();
    ArrayNode versions = body.putArray("versions");
    versions.addObject().put("key", "16.4.x-scala2.12").put("name", "16.4 LTS (includes Apache Spark 3.5.2, Scala 2.12)");
    versions.addObject().put("key", DEFAULT_SPARK_VERSION).put("name", "15.4 LTS (includes Apache Spark 3.5.0, Scala 2.12)");
    versions.addObject().put("key", "14.3.x-scala2.12").put("name", "14.3 LTS (includes Apache Spark 3.5.0, Scala 2.12)");
    return body;
  }

  static ObjectNode nodeTypes() {
    ObjectNode body = Json.object();
    ArrayNode types = body.putArray("node_types");
    nodeType(types, DEFAULT_NODE_TYPE, 31_232, 4, "i3.xlarge", "Storage Optimized");
    nodeType(types, "i3.2xlarge", 62_464, 8, "i3.2xlarge", "Storage Optimized");
    nodeType(types, "Standard_DS3_v2", 14_336, 4, "Standard_DS3_v2", "General Purpose");
    return body;
  }

  private static void nodeType(ArrayNode types, String id, long memoryMb, int cores, String description, String category) {
    types.addObject().put("node_type_id", id).put("memory_mb", memoryMb).put("num_cores", (double) cores)
        .put("num_gpus", 0).put("description", description).put("category", category).put("is_deprecated", false);
  }
}
