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

  /** The endpoint serving the index. */
  @JsonProperty("endpoint_name")
  public abstract Optional<String> endpointName();

  /** The column that identifies a row. */
  @JsonProperty("primary_key")
  public abstract Optional<String> primaryKey();

  /** The index type exactly as the server sent it. */
  @JsonProperty("index_type")
  public abstract Optional<String> rawIndexType();

  /** Readiness, row count and detailed state; only {@code getIndex} sends it, listings do not. */
  @JsonProperty("status")
  public abstract Optional<IndexStatus> status();

  /** Who created the index (user name or service principal), as the server reports it. */
  @JsonProperty("creator")
  public abstract Optional<String> creator();

  /**
   * The {@code delta_sync_index_spec} of a delta-sync index as sent (source table, pipeline,
   * embedding columns).
   */
  @JsonProperty("delta_sync_index_spec")
  public abstract Optional<JsonNode> deltaSyncIndexSpec();

  /**
   * The {@code direct_access_index_spec} of a direct-access index as sent (schema, embedding
   * columns).
   */
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
