package dev.kiln.vectorsearch.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
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

  /** Rows indexed so far; empty when the server did not say (early in provisioning). */
  @JsonProperty("indexed_row_count")
  public abstract Optional<Long> indexedRowCount();

  /** The data-plane URL of the index. */
  @JsonProperty("index_url")
  public abstract Optional<String> indexUrl();

  /** The server's explanation of the state, e.g. why the sync failed; empty when it gave none. */
  @JsonProperty("message")
  public abstract Optional<String> message();

  /** The detailed state as sent, e.g. {@code PROVISIONING_INITIAL_SNAPSHOT} or {@code ONLINE_NO_PENDING_UPDATE}. */
  @JsonProperty("detailed_state")
  public abstract Optional<String> rawDetailedState();

  /** The typed detailed state; {@link IndexState#UNKNOWN} when absent or new. */
  @JsonIgnore
  public IndexState detailedState() {
    return IndexState.fromWire(rawDetailedState().orElse(null));
  }
}
