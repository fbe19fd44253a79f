package dev.kiln.sql.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A parameter of a saved query. Exactly one {@code *_value} is set; each is kept as the JSON the
 * server sent (e.g. {@code {"value": "x"}}), since their shapes differ by kind.
 */
@Value.Immutable
@JsonSerialize(as = QueryParameter.class)
@JsonDeserialize(as = QueryParameter.class)
abstract class QueryParameterDef {
  @JsonProperty("name")
  public abstract String name();

  @JsonProperty("title")
  public abstract Optional<String> title();

  @JsonProperty("text_value")
  public abstract Optional<JsonNode> textValue();

  @JsonProperty("numeric_value")
  public abstract Optional<JsonNode> numericValue();

  @JsonProperty("enum_value")
  public abstract Optional<JsonNode> enumValue();

  @JsonProperty("query_backed_value")
  public abstract Optional<JsonNode> queryBackedValue();

  @JsonProperty("date_value")
  public abstract Optional<JsonNode> dateValue();

  @JsonProperty("date_range_value")
  public abstract Optional<JsonNode> dateRangeValue();
}
