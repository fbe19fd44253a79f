package dev.kiln.execution.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.immutables.value.Value;

/** A machine type a cluster's nodes can use ({@code node_types[]} of {@code list-node-types}). */
@Value.Immutable
@JsonSerialize(as = NodeType.class)
@JsonDeserialize(as = NodeType.class)
abstract class NodeTypeDef {
  /** The id to put in {@code ClusterSpec.nodeTypeId}, e.g. {@code i3.xlarge}. */
  @JsonProperty("node_type_id")
  public abstract String nodeTypeId();

  /** Memory of one node, in MB. */
  @JsonProperty("memory_mb")
  public abstract OptionalLong memoryMb();

  /** CPU cores of one node (may be fractional). */
  @JsonProperty("num_cores")
  public abstract OptionalDouble numCores();

  /** GPUs of one node; absent or 0 for CPU-only types. */
  @JsonProperty("num_gpus")
  public abstract OptionalInt numGpus();

  /** A readable summary of the type, as the server words it. */
  @JsonProperty("description")
  public abstract Optional<String> description();

  /** The server's grouping, e.g. {@code General Purpose} or {@code Memory Optimized}. */
  @JsonProperty("category")
  public abstract Optional<String> category();

  /**
   * Whether the type is deprecated and should not be used for new clusters; false when not sent.
   */
  @JsonProperty("is_deprecated")
  @Value.Default
  public boolean isDeprecated() {
    return false;
  }
}
