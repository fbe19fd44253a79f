package dev.kiln.catalog.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;
import java.util.Optional;

/** What every catalog, schema and table carries: owner, comment, properties and audit times. */
public interface Audited {
  /**
   * Who owns it ({@code owner}): a user, group or service principal; it holds every privilege on
   * it.
   */
  @JsonProperty("owner")
  Optional<String> owner();

  /** The free-text description ({@code comment}). */
  @JsonProperty("comment")
  Optional<String> comment();

  /** The user-defined key-value properties ({@code properties}); empty when there are none. */
  @JsonProperty("properties")
  Map<String, String> properties();

  /** Milliseconds since the epoch. */
  @JsonProperty("created_at")
  Optional<Long> createdAt();

  /** Who created it ({@code created_by}). */
  @JsonProperty("created_by")
  Optional<String> createdBy();

  /** Milliseconds since the epoch. */
  @JsonProperty("updated_at")
  Optional<Long> updatedAt();

  /** Who last changed it ({@code updated_by}). */
  @JsonProperty("updated_by")
  Optional<String> updatedBy();
}
