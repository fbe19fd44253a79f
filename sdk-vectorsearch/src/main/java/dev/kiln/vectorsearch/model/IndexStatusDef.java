package dev.kiln.vectorsearch.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/** Whether an index can serve queries, and how much of it is indexed. */
@Value.Immutable
@JsonSerialize(as = IndexStatus.class)
@JsonDeserialize(as = IndexStatus.class)
abstract class IndexStatusDef {
  /** True once the index serves queries; false while absent. */
  @Value.Default
  @JsonProperty("ready")
  public boolean ready() {
    return false;
  }

  @JsonProperty("indexed_row_count")
  public abstract Optional<Long> indexedRowCount();

  /** The data-plane URL of the index. */
  @JsonProperty("index_url")
  public abstract Optional<String> indexUrl();

  @JsonProperty("message")
  public abstract Optional<String> message();
}
