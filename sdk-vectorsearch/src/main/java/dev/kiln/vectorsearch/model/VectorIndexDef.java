package dev.kiln.vectorsearch.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A Vector Search index. {@code getIndex} fills every field; listings carry the summary only (no
 * status, no specs). The sync / direct-access specs are kept as JSON: they are configuration the
 * SDK does not interpret.
 */
@Value.Immutable
@JsonSerialize(as = VectorIndex.class)
@JsonDeserialize(as = VectorIndex.class)
abstract class VectorIndexDef {
  /** Three-level Unity Catalog name, e.g. {@code main.docs.en_wiki_index}. */
  @JsonProperty("name")
  public abstract String name();

  @JsonProperty("endpoint_name")
  public abstract Optional<String> endpointName();

  @JsonProperty("primary_key")
  public abstract Optional<String> primaryKey();

  /** The index type exactly as the server sent it. */
  @JsonProperty("index_type")
  public abstract Optional<String> rawIndexType();

  @JsonProperty("status")
  public abstract Optional<IndexStatus> status();

  @JsonProperty("creator")
  public abstract Optional<String> creator();

  @JsonProperty("delta_sync_index_spec")
  public abstract Optional<JsonNode> deltaSyncIndexSpec();

  @JsonProperty("direct_access_index_spec")
  public abstract Optional<JsonNode> directAccessIndexSpec();

  /** The typed type; {@link IndexType#UNKNOWN} when absent or new (see {@link #rawIndexType()}). */
  public IndexType indexType() {
    return IndexType.fromWire(rawIndexType().orElse(null));
  }

  /** Whether the index reports itself ready; false when no status was sent (listings). */
  public boolean isReady() {
    return status().map(IndexStatus::ready).orElse(false);
  }
}
