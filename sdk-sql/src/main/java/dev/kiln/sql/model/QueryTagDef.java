package dev.kiln.sql.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.kiln.core.error.InvalidRequestException;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A key (and optional value) attached to a statement ({@code query_tags}) so its executions can be
 * attributed and found again in query history. {@code QueryTag.of("team", "tax")}.
 */
@Value.Immutable
@JsonSerialize(as = QueryTag.class)
@JsonDeserialize(as = QueryTag.class)
abstract class QueryTagDef {
  /** The tag's key; not blank. */
  @JsonProperty("key")
  @Value.Parameter
  public abstract String key();

  /** The tag's value; absent for a key-only tag. */
  @JsonProperty("value")
  @Value.Parameter
  public abstract Optional<String> value();

  /** A tag without a value. */
  public static QueryTag of(String key) {
    return QueryTag.of(key, Optional.empty());
  }

  /**
   * A tag with a value; a null value gives a key-only tag.
   *
   * @param key the key, not blank
   * @param value the value, or null for none
   * @return the tag
   * @throws dev.kiln.core.error.InvalidRequestException for a blank key
   */
  public static QueryTag of(String key, String value) {
    return QueryTag.of(key, Optional.ofNullable(value));
  }

  /**
   * Rejects a blank key; run by every factory and {@code build()}.
   *
   * @throws dev.kiln.core.error.InvalidRequestException for a blank key
   */
  @Value.Check
  protected void check() {
    if (key().isBlank()) {
      throw new InvalidRequestException("a query tag key must not be blank");
    }
  }
}
