package dev.kiln.vectorsearch.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.core.Json;
import dev.kiln.core.error.InvalidRequestException;
import dev.kiln.vectorsearch.model.EndpointType;
import dev.kiln.vectorsearch.model.VectorQuery;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Writes a query's filter in the syntax of the endpoint serving the index, or refuses it before anything is
 * sent: STANDARD endpoints take a JSON object ({@code {"price <": 200}}), STORAGE_OPTIMIZED ones a SQL-like
 * string ({@code price < 200}). A filter map (or JSON) for a storage-optimized endpoint is translated when
 * every key has a plain SQL equivalent ({@code col}, {@code col NOT}, {@code <}, {@code <=}, {@code >},
 * {@code >=} with text, number or boolean values, lists for IN); {@code LIKE} and {@code OR} keys, whose
 * JSON meaning has no exact string form, are refused with a pointer to {@code filterString}.
 */
public final class FilterSyntax {
  private FilterSyntax() {}

  /** The {@code filters_json} to send, or null when the query has no filter. */
  public static String filtersJson(VectorQuery query, EndpointType type, String endpointName) {
    if (!query.hasFilters()) {
      return null;
    }
    switch (type) {
      case STANDARD:
        if (query.filterString().isPresent()) {
          throw new InvalidRequestException("endpoint " + endpointName + " is STANDARD: it takes filters as a map "
              + "(filters(Map.of(\"price <\", 200))) or a JSON object, not the SQL-like filterString of "
              + "STORAGE_OPTIMIZED endpoints");
        }
        return query.effectiveFiltersJson().orElseThrow();
      case STORAGE_OPTIMIZED:
        return query.filterString().orElseGet(() -> toSqlString(query.effectiveFiltersJson().orElseThrow(),
            endpointName));
      default:
        // a type newer than this SDK: send what the caller wrote, the server judges it
        return query.filterString().orElseGet(() -> query.effectiveFiltersJson().orElseThrow());
    }
  }

  /** {@code {"price <": 200, "make": ["a", "b"]}} → {@code price < 200 AND make IN ('a', 'b')}. */
  static String toSqlString(String filtersJson, String endpointName) {
    JsonNode filters;
    try {
      filters = Json.mapper().readTree(filtersJson);
    } catch (JsonProcessingException e) {
      throw new InvalidRequestException("filtersJson is not valid JSON: " + e.getOriginalMessage());
    }
    StringJoiner and = new StringJoiner(" AND ");
    Iterator<Map.Entry<String, JsonNode>> entries = filters.fields();
    while (entries.hasNext()) {
      Map.Entry<String, JsonNode> entry = entries.next();
      and.add(condition(entry.getKey().trim(), entry.getValue(), endpointName));
    }
    return and.toString();
  }

  private static String condition(String key, JsonNode value, String endpointName) {
    String column = key;
    String operator = "";
    int space = key.lastIndexOf(' ');
    if (space > 0) {
      operator = key.substring(space + 1).toUpperCase(Locale.ROOT);
      column = key.substring(0, space).trim();
    }
    if (!column.matches("[A-Za-z_][A-Za-z0-9_.]*")) {
      throw untranslatable(key, endpointName);
    }
    switch (operator) {
      case "":
        return value.isArray() ? column + " IN (" + list(value, key, endpointName) + ")"
            : column + " = " + literal(value, key, endpointName);
      case "NOT":
      case "!=":
        return value.isArray() ? column + " NOT IN (" + list(value, key, endpointName) + ")"
            : column + " != " + literal(value, key, endpointName);
      case "<":
      case "<=":
      case ">":
      case ">=":
        return column + " " + operator + " " + literal(value, key, endpointName);
      default:
        throw untranslatable(key, endpointName);
    }
  }

  private static String list(JsonNode values, String key, String endpointName) {
    if (values.isEmpty()) {
      throw new InvalidRequestException("filter '" + key + "' has an empty list");
    }
    List<String> literals = new ArrayList<>();
    values.forEach(v -> literals.add(literal(v, key, endpointName)));
    return String.join(", ", literals);
  }

  private static String literal(JsonNode value, String key, String endpointName) {
    if (value.isTextual()) {
      return "'" + value.asText().replace("'", "''") + "'";
    }
    if (value.isNumber()) {
      return value.decimalValue().toPlainString();
    }
    if (value.isBoolean()) {
      return value.asBoolean() ? "TRUE" : "FALSE";
    }
    throw untranslatable(key, endpointName);
  }

  private static InvalidRequestException untranslatable(String key, String endpointName) {
    return new InvalidRequestException("endpoint " + endpointName + " is STORAGE_OPTIMIZED: it takes filters as a "
        + "SQL-like string, and filter '" + key + "' has no exact string form; write the whole filter with "
        + "VectorQuery.filterString(..), e.g. \"price < 200 AND make IN ('a')\"");
  }
}
