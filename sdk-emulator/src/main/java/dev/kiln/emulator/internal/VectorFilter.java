package dev.kiln.emulator.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * A vector search {@code filters_json} filter: every key must hold. Keys are {@code "col"} (equal, or IN for
 * a list), {@code "col NOT"} (not equal / NOT IN), {@code "col <"}, {@code "<="}, {@code ">"}, {@code ">="},
 * {@code "col LIKE"} (case-insensitive; {@code %} and {@code _} wildcards, else a substring match) and
 * {@code "a OR b"} (either column matches). Numbers compare as numbers, other values as text; a null value
 * matches only {@code NOT}.
 */
final class VectorFilter {
  private VectorFilter() {}

  /** @param knownColumns the columns filters may name; null when any column is allowed */
  static Predicate<ObjectNode> parse(String filtersJson, Collection<String> knownColumns) {
    if (filtersJson == null || filtersJson.isBlank()) {
      return row -> true;
    }
    JsonNode filters;
    try {
      filters = Json.MAPPER.readTree(filtersJson);
    } catch (JsonProcessingException e) {
      throw ApiException.invalidParameter("filters_json is not valid JSON: " + e.getOriginalMessage());
    }
    if (filters == null || !filters.isObject()) {
      throw ApiException.invalidParameter("filters_json must be a JSON object, e.g. {\"id <\": 5}.");
    }
    List<Predicate<ObjectNode>> all = new ArrayList<>();
    Iterator<Map.Entry<String, JsonNode>> entries = filters.fields();
    while (entries.hasNext()) {
      Map.Entry<String, JsonNode> entry = entries.next();
      all.add(condition(entry.getKey().trim(), entry.getValue(), knownColumns));
    }
    return row -> all.stream().allMatch(condition -> condition.test(row));
  }

  private static Predicate<ObjectNode> condition(String key, JsonNode value, Collection<String> knownColumns) {
    String operator = "";
    String columns = key;
    int space = key.lastIndexOf(' ');
    if (space > 0) {
      String last = key.substring(space + 1).toUpperCase(Locale.ROOT);
      if (List.of("NOT", "<", "<=", ">", ">=", "LIKE", "!=").contains(last)) {
        operator = last;
        columns = key.substring(0, space).trim();
      }
    }
    List<String> names = new ArrayList<>();
    for (String column : columns.split("\\s+OR\\s+")) {
      String name = column.trim();
      if (name.isEmpty() || name.contains(" ")) {
        throw ApiException.invalidParameter("Invalid filter key '" + key + "'.");
      }
      if (knownColumns != null && !knownColumns.contains(name)) {
        throw ApiException.invalidParameter("Filter column '" + name + "' is not a column of the index.");
      }
      names.add(name);
    }
    Predicate<JsonNode> test = test(operator, value, key);
    return row -> names.stream().anyMatch(name -> test.test(row.get(name)));
  }

  private static Predicate<JsonNode> test(String operator, JsonNode expected, String key) {
    switch (operator) {
      case "":
        return actual -> present(actual) && matchesAny(actual, expected);
      case "NOT":
      case "!=":
        return actual -> !present(actual) || !matchesAny(actual, expected);
      case "LIKE":
        Pattern pattern = likePattern(scalarText(expected, key));
        return actual -> present(actual) && pattern.matcher(actual.asText()).matches();
      default:
        requireScalar(expected, key);
        return actual -> present(actual) && holds(operator, compare(actual, expected));
    }
  }

  private static boolean present(JsonNode value) {
    return value != null && !value.isNull();
  }

  private static boolean matchesAny(JsonNode actual, JsonNode expected) {
    if (expected.isArray()) {
      for (JsonNode option : expected) {
        if (compare(actual, option) == 0) {
          return true;
        }
      }
      return false;
    }
    return compare(actual, expected) == 0;
  }

  private static boolean holds(String operator, int comparison) {
    switch (operator) {
      case "<":
        return comparison < 0;
      case "<=":
        return comparison <= 0;
      case ">":
        return comparison > 0;
      default:
        return comparison >= 0;
    }
  }

  /** Numbers (also numeric text against a number) compare numerically, anything else as text. */
  static int compare(JsonNode actual, JsonNode expected) {
    BigDecimal a = number(actual);
    BigDecimal b = number(expected);
    if (a != null && b != null && (actual.isNumber() || expected.isNumber())) {
      return a.compareTo(b);
    }
    return actual.asText().compareTo(expected.asText());
  }

  private static BigDecimal number(JsonNode value) {
    if (value.isNumber()) {
      return value.decimalValue();
    }
    if (value.isTextual()) {
      try {
        return new BigDecimal(value.asText().trim());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  static Pattern likePattern(String like) {
    if (!like.contains("%") && !like.contains("_")) {
      return Pattern.compile(".*" + Pattern.quote(like) + ".*", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    }
    StringBuilder regex = new StringBuilder();
    for (char c : like.toCharArray()) {
      regex.append(c == '%' ? ".*" : c == '_' ? "." : Pattern.quote(String.valueOf(c)));
    }
    return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
  }

  private static String scalarText(JsonNode value, String key) {
    requireScalar(value, key);
    return value.asText();
  }

  private static void requireScalar(JsonNode value, String key) {
    if (!value.isValueNode() || value.isNull()) {
      throw ApiException.invalidParameter("Filter '" + key + "' needs a single value.");
    }
  }
}
