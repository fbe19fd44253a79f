package dev.kiln.emulator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One parameter of a statement ({@code {name, value, type}}, or {@code {ordinal, value, type}} for a {@code ?}
 * marker), with the DuckDB type it is cast to.
 */
final class SqlParameter {
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Pattern DECIMAL =
      Pattern.compile("(?:DECIMAL|DEC|NUMERIC)\\s*(?:\\(\\s*(\\d+)\\s*(?:,\\s*(\\d+)\\s*)?\\))?");
  private static final Map<String, String> SIMPLE_TYPES =
      Map.ofEntries(
          Map.entry("STRING", "VARCHAR"),
          Map.entry("VARCHAR", "VARCHAR"),
          Map.entry("CHAR", "VARCHAR"),
          Map.entry("INT", "INTEGER"),
          Map.entry("INTEGER", "INTEGER"),
          Map.entry("BIGINT", "BIGINT"),
          Map.entry("LONG", "BIGINT"),
          Map.entry("SMALLINT", "SMALLINT"),
          Map.entry("SHORT", "SMALLINT"),
          Map.entry("TINYINT", "TINYINT"),
          Map.entry("BYTE", "TINYINT"),
          Map.entry("DOUBLE", "DOUBLE"),
          Map.entry("FLOAT", "FLOAT"),
          Map.entry("REAL", "FLOAT"),
          Map.entry("BOOLEAN", "BOOLEAN"),
          Map.entry("DATE", "DATE"),
          Map.entry("TIMESTAMP", "TIMESTAMP"),
          Map.entry("TIMESTAMP_NTZ", "TIMESTAMP"),
          Map.entry("TIMESTAMP_LTZ", "TIMESTAMP"),
          Map.entry("BINARY", "BLOB"),
          Map.entry("VOID", "VARCHAR"));

  private final String name;
  private final String value;
  private final String duckType;
  private final boolean positional;

  private SqlParameter(String name, String value, String duckType, boolean positional) {
    this.name = name;
    this.value = value;
    this.duckType = duckType;
    this.positional = positional;
  }

  /** Reads one element of the request's {@code parameters}; bad ones are the caller's 400. */
  static SqlParameter parse(JsonNode node) {
    if (!node.isObject()) {
      throw ApiException.invalidParameter("Each parameter must be an object with name, value and type.");
    }
    JsonNode ordinal = node.path("ordinal");
    boolean positional = !ordinal.isMissingNode() && !ordinal.isNull();
    if (positional && node.hasNonNull("name")) {
      throw ApiException.invalidParameter("A parameter has either a name or an ordinal, not both.");
    }
    if (positional && (!ordinal.canConvertToInt() || !ordinal.isIntegralNumber() || ordinal.asInt() < 1)) {
      throw ApiException.invalidParameter("Parameter ordinal must be a positive integer, got " + ordinal + ".");
    }
    String name = positional ? PositionalMarkers.nameOf(ordinal.asInt()) : node.path("name").asText("");
    if (!NAME.matcher(name).matches()) {
      throw ApiException.invalidParameter("Parameter name '" + name + "' is not a valid identifier.");
    }
    JsonNode valueNode = node.path("value");
    String value = valueNode.isNull() || valueNode.isMissingNode() ? null : valueNode.asText();
    JsonNode typeNode = node.path("type");
    String type = typeNode.isTextual() ? typeNode.asText() : "STRING";
    return new SqlParameter(name, value, duckTypeOf(name, type), positional);
  }

  private static String duckTypeOf(String name, String type) {
    String normalized = type.trim().toUpperCase(Locale.ROOT);
    String simple = SIMPLE_TYPES.get(normalized);
    if (simple != null) {
      return simple;
    }
    Matcher decimal = DECIMAL.matcher(normalized);
    if (decimal.matches()) {
      String precision = decimal.group(1) == null ? "10" : decimal.group(1);
      String scale = decimal.group(2) == null ? "0" : decimal.group(2);
      if (Integer.parseInt(precision) < 1 || Integer.parseInt(precision) > 38
          || Integer.parseInt(scale) > Integer.parseInt(precision)) {
        throw ApiException.invalidParameter("Parameter '" + name + "' has an invalid type " + type + ".");
      }
      return "DECIMAL(" + precision + "," + scale + ")";
    }
    throw ApiException.invalidParameter("Parameter '" + name + "' has an unsupported type " + type + ".");
  }

  String name() {
    return name;
  }

  /** The text value, or null for SQL NULL. */
  String value() {
    return value;
  }

  /** Bound by {@code ordinal} to a {@code ?} marker rather than by name. */
  boolean positional() {
    return positional;
  }

  String duckType() {
    return duckType;
  }
}
