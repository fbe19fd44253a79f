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
  @JsonProperty("node_type_id")
  public abstract String nodeTypeId();

  @JsonProperty("memory_mb")
  public abstract OptionalLong memoryMb();

  @JsonProperty("num_cores")
  public abstract OptionalDouble numCores();

  @JsonProperty("num_gpus")
  public abstract OptionalInt numGpus();

  @JsonProperty("description")
  public abstract Optional<String> description();

  @JsonProperty("category")
  public abstract Optional<String> category();

  @JsonProperty("is_deprecated")
  @Value.Default
  public boolean isDeprecated() {
    return false;
  }
}
