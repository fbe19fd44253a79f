package dev.kiln.emulator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/** The {@code results} objects of API 1.2 commands: {@code text}, {@code table} and {@code error}. */
final class CommandResults {
  private static final String RED = "\u001b[0;31m";
  private static final String RESET = "\u001b[0m";

  private CommandResults() {}

  static ObjectNode text(String data) {
    return Json.object().put("resultType", "text").put("data", data);
  }

  /**
   * An error as Databricks reports it: {@code summary} with the exception name in an HTML span, {@code
   * cause} with ANSI colour codes.
   */
  static ObjectNode error(String exceptionName, String message) {
    ObjectNode json = Json.object().put("resultType", "error");
    json.put("summary", "<span class='ansi-red-fg'>" + escapeHtml(exceptionName) + "</span>: " + escapeHtml(message));
    json.put("cause", RED + exceptionName + RESET + ": " + message);
    return json;
  }

  /** An error whose summary and cause were produced elsewhere (the Python driver). */
  static ObjectNode error(String summary, String cause, String output) {
    ObjectNode json = Json.object().put("resultType", "error").put("summary", summary).put("cause", cause);
    if (output != null && !output.isEmpty()) {
      json.put("data", output);
    }
    return json;
  }

  /**
   * A table: typed JSON rows plus a schema whose {@code type} is a JSON-encoded Spark type ({@code
   * "\"integer\""}), at most {@code maxRows} rows ({@code truncated} beyond).
   */
  static ObjectNode table(QueryResult result, int maxRows) {
    ObjectNode json = Json.object().put("resultType", "table");
    ArrayNode data = json.putArray("data");
    List<String[]> rows = result.rows();
    List<ResultColumn> columns = result.columns();
    for (int r = 0; r < Math.min(rows.size(), maxRows); r++) {
      ArrayNode row = data.addArray();
      String[] values = rows.get(r);
      for (int c = 0; c < columns.size(); c++) {
        row.add(typedValue(values[c], columns.get(c).type()));
      }
    }
    ArrayNode schema = json.putArray("schema");
    for (ResultColumn column : columns) {
      ObjectNode field = schema.addObject();
      field.put("name", column.name());
      field.put("type", Json.text(sparkType(column.type())));
      field.putObject("metadata");
    }
    json.put("truncated", result.truncated() || rows.size() > maxRows);
    json.put("isJsonSchema", true);
    return json;
  }

  /** The Spark SQL JSON type name of a column ({@code integer}, {@code long}, {@code decimal(10,2)}, ...). */
  static String sparkType(ColumnType type) {
    switch (type.typeName()) {
      case "INT":
        return "integer";
      case "BYTE":
      case "SHORT":
      case "LONG":
      case "FLOAT":
      case "DOUBLE":
      case "STRING":
      case "BOOLEAN":
      case "DATE":
      case "TIMESTAMP":
      case "BINARY":
        return type.typeName().toLowerCase(Locale.ROOT);
      case "DECIMAL":
        return "decimal(" + type.precision() + "," + type.scale() + ")";
      case "NULL":
        return "void";
      default:
        return type.typeText().toLowerCase(Locale.ROOT); // nested types: their DDL text, e.g. array<int>
    }
  }

  private static JsonNode typedValue(String text, ColumnType type) {
    if (text == null) {
      return Json.MAPPER.nullNode();
    }
    try {
      switch (type.typeName()) {
        case "BYTE":
        case "SHORT":
        case "INT":
        case "LONG":
          return Json.MAPPER.getNodeFactory().numberNode(Long.parseLong(text));
        case "FLOAT":
        case "DOUBLE":
          double number = Double.parseDouble(text);
          return Double.isFinite(number)
              ? Json.MAPPER.getNodeFactory().numberNode(number)
              : Json.MAPPER.getNodeFactory().textNode(text);
        case "DECIMAL":
          return Json.MAPPER.getNodeFactory().numberNode(new BigDecimal(text));
        case "BOOLEAN":
          return Json.MAPPER.getNodeFactory().booleanNode(Boolean.parseBoolean(text));
        case "ARRAY":
        case "MAP":
        case "STRUCT":
          return Json.parse(text);
        default:
          return Json.MAPPER.getNodeFactory().textNode(text);
      }
    } catch (RuntimeException notAsTyped) {
      // a value that does not parse as its type: keep the text rather than fail the command
      return Json.MAPPER.getNodeFactory().textNode(text);
    }
  }

  private static String escapeHtml(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        .replace("'", "&#x27;").replace("\"", "&quot;");
  }
}
