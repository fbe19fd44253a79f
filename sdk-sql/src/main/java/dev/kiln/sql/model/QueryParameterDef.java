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
  /** The name used in the query text ({@code :name}). */
  @JsonProperty("name")
  public abstract String name();

  /** The label shown in the UI; the name when absent. */
  @JsonProperty("title")
  public abstract Optional<String> title();

  /** A text parameter's default ({@code text_value}, e.g. {@code {"value": "x"}}). */
  @JsonProperty("text_value")
  public abstract Optional<JsonNode> textValue();

  /** A number parameter's default ({@code numeric_value}). */
  @JsonProperty("numeric_value")
  public abstract Optional<JsonNode> numericValue();

  /** A dropdown parameter's choices and default ({@code enum_value}). */
  @JsonProperty("enum_value")
  public abstract Optional<JsonNode> enumValue();

  /** A dropdown filled by another query's result ({@code query_backed_value}). */
  @JsonProperty("query_backed_value")
  public abstract Optional<JsonNode> queryBackedValue();

  /** A date or timestamp parameter's default ({@code date_value}). */
  @JsonProperty("date_value")
  public abstract Optional<JsonNode> dateValue();

  /** A date range parameter's default ({@code date_range_value}). */
  @JsonProperty("date_range_value")
  public abstract Optional<JsonNode> dateRangeValue();
}
