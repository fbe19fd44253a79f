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
  @JsonProperty("key")
  @Value.Parameter
  public abstract String key();

  @JsonProperty("value")
  @Value.Parameter
  public abstract Optional<String> value();

  /** A tag without a value. */
  public static QueryTag of(String key) {
    return QueryTag.of(key, Optional.empty());
  }

  public static QueryTag of(String key, String value) {
    return QueryTag.of(key, Optional.ofNullable(value));
  }

  @Value.Check
  protected void check() {
    if (key().isBlank()) {
      throw new InvalidRequestException("a query tag key must not be blank");
    }
  }
}
