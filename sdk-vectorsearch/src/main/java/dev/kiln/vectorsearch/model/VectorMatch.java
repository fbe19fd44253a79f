package dev.kiln.vectorsearch.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.kiln.core.Json;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One hit of a similarity search: the requested columns by name, and its {@link #score()} (the last
 * column, which the server appends). Getters return null for a JSON null; asking for a column the
 * query did not return throws {@link IllegalArgumentException}. Immutable.
 */
public final class VectorMatch {
  private final List<String> columns;
  private final List<JsonNode> values;
  private final Map<String, Integer> positions;

  private VectorMatch(List<String> columns, List<JsonNode> values) {
    this.columns = List.copyOf(columns);
    List<JsonNode> copy = new ArrayList<>(columns.size());
    for (int i = 0; i < columns.size(); i++) {
      // A short row reads as nulls rather than failing the whole page.
      JsonNode v = i < values.size() ? values.get(i) : null;
      copy.add(v == null ? NullNode.getInstance() : v.deepCopy());
    }
    this.values = Collections.unmodifiableList(copy);
    Map<String, Integer> byName = new HashMap<>();
    for (int i = 0; i < columns.size(); i++) {
      byName.putIfAbsent(columns.get(i), i);
    }
    this.positions = byName;
  }

  /** A match from the result manifest's column names and one row of {@code data_array}. */
  public static VectorMatch of(List<String> columns, List<JsonNode> values) {
    return new VectorMatch(Objects.requireNonNull(columns, "columns"), Objects.requireNonNull(values, "values"));
  }

  /** Column names in order, the score column last. */
  public List<String> columns() {
    return columns;
  }

  /** The similarity score: the value of the last column. */
  public double score() {
    if (values.isEmpty()) {
      throw new IllegalStateException("this match has no columns, so no score");
    }
    JsonNode last = values.get(values.size() - 1);
    Double score = toDouble(last);
    if (score == null) {
      throw new IllegalStateException(
          "the last column '" + columns.get(columns.size() - 1) + "' holds no score: " + last);
    }
    return score;
  }

  /** The raw JSON value; {@link NullNode} for null. */
  public JsonNode getNode(String column) {
    return values.get(position(column));
  }

  /** The value as plain Java: String, Integer/Long/Double, Boolean, List, Map, or null. */
  public Object getObject(String column) {
    return Json.mapper().convertValue(getNode(column), Object.class);
  }

  /** Text values as they are; other scalars in their JSON spelling; null for null. */
  public String getString(String column) {
    JsonNode v = getNode(column);
    if (v.isNull()) {
      return null;
    }
    return v.isValueNode() ? v.asText() : v.toString();
  }

  /**
   * The value as a whole number: integral JSON numbers, doubles without a fraction (some columns
   * arrive as {@code 42.0}) and numeric text; null for null.
   *
   * @throws IllegalArgumentException when the column is unknown or its value is not a whole number
   */
  public Long getLong(String column) {
    JsonNode v = getNode(column);
    if (v.isNull()) {
      return null;
    }
    if (v.isIntegralNumber() && v.canConvertToLong()) {
      return v.longValue();
    }
    if (v.isNumber() && v.doubleValue() == Math.rint(v.doubleValue()) && v.canConvertToLong()) {
      return v.longValue(); // e.g. 42.0: some columns arrive as doubles
    }
    if (v.isTextual()) {
      try {
        return Long.parseLong(v.textValue().trim());
      } catch (NumberFormatException e) {
        // reported below
      }
    }
    throw notA("a whole number", column, v);
  }

  /**
   * The value as a double: JSON numbers and numeric text; null for null.
   *
   * @throws IllegalArgumentException when the column is unknown or its value is not a number
   */
  public Double getDouble(String column) {
    JsonNode v = getNode(column);
    if (v.isNull()) {
      return null;
    }
    Double d = toDouble(v);
    if (d == null) {
      throw notA("a number", column, v);
    }
    return d;
  }

  /**
   * The value as a boolean: JSON booleans and the text {@code true}/{@code false} in any case; null
   * for null.
   *
   * @throws IllegalArgumentException when the column is unknown or its value is not a boolean
   */
  public Boolean getBoolean(String column) {
    JsonNode v = getNode(column);
    if (v.isNull()) {
      return null;
    }
    if (v.isBoolean()) {
      return v.booleanValue();
    }
    if (v.isTextual() && ("true".equalsIgnoreCase(v.textValue()) || "false".equalsIgnoreCase(v.textValue()))) {
      return Boolean.parseBoolean(v.textValue());
    }
    throw notA("a boolean", column, v);
  }

  /**
   * Whether the column's value is JSON null.
   *
   * @throws IllegalArgumentException when the column is unknown
   */
  public boolean isNull(String column) {
    return getNode(column).isNull();
  }

  /** All columns (score included) as plain Java values, in column order. */
  public Map<String, Object> toMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    for (String c : columns) {
      map.putIfAbsent(c, getObject(c));
    }
    return Collections.unmodifiableMap(map);
  }

  private int position(String column) {
    Integer i = positions.get(column);
    if (i == null) {
      throw new IllegalArgumentException("no column '" + column + "' in this match; columns are " + columns);
    }
    return i;
  }

  private static Double toDouble(JsonNode v) {
    if (v.isNumber()) {
      return v.doubleValue();
    }
    if (v.isTextual()) {
      try {
        return Double.parseDouble(v.textValue().trim());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  private static IllegalArgumentException notA(String kind, String column, JsonNode v) {
    return new IllegalArgumentException("column '" + column + "' is not " + kind + ": " + v.getNodeType());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof VectorMatch
        && columns.equals(((VectorMatch) o).columns)
        && values.equals(((VectorMatch) o).values);
  }

  @Override
  public int hashCode() {
    return Objects.hash(columns, values);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("VectorMatch{");
    for (int i = 0; i < columns.size(); i++) {
      String v = values.get(i).toString();
      // Long text columns would drown the rest; the full value is one getter away.
      sb.append(i == 0 ? "" : ", ").append(columns.get(i)).append('=')
          .append(v.length() > 80 ? v.substring(0, 77) + "..." : v);
    }
    return sb.append('}').toString();
  }
}
