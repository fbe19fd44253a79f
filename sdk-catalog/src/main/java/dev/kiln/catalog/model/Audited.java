package dev.kiln.catalog.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;
import java.util.Optional;

/** What every catalog, schema and table carries: owner, comment, properties and audit times. */
public interface Audited {
  @JsonProperty("owner")
  Optional<String> owner();

  @JsonProperty("comment")
  Optional<String> comment();

  @JsonProperty("properties")
  Map<String, String> properties();

  /** Milliseconds since the epoch. */
  @JsonProperty("created_at")
  Optional<Long> createdAt();

  @JsonProperty("created_by")
  Optional<String> createdBy();

  /** Milliseconds since the epoch. */
  @JsonProperty("updated_at")
  Optional<Long> updatedAt();

  @JsonProperty("updated_by")
  Optional<String> updatedBy();
}
