package dev.kiln.execution.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.core.Json;
import dev.kiln.execution.model.ColumnType;
import dev.kiln.execution.model.ResultTable;
import dev.kiln.execution.model.TableColumn;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Builds a {@link ResultTable} from a table result's schema and rows, typing each value. */
final class TableReader {
  private TableReader() {}

  static ResultTable read(ExecutionWire.Results results) {
    List<TableColumn> columns = new ArrayList<>();
    if (results.schema != null) {
      for (ExecutionWire.SchemaField f : results.schema) {
        TableColumn.Builder c = TableColumn.builder()
            .name(f.name == null ? "" : f.name)
            .type(columnType(f.type));
        if (f.metadata != null && !f.metadata.isNull()) {
          c.metadata(f.metadata.isTextual() ? f.metadata.textValue() : f.metadata.toString());
        }
        columns.add(c.build());
      }
    }
    ResultTable.Builder table = ResultTable.builder()
        .columns(columns)
        .truncated(Boolean.TRUE.equals(results.truncated));
    if (results.data != null && results.data.isArray()) {
      for (JsonNode row : results.data) {
        table.addRows(typedRow(row, columns));
      }
    }
    return table.build();
  }

  /** The schema's {@code type} is a JSON-encoded string ({@code "\"integer\""}), sometimes already an object. */
  static ColumnType columnType(JsonNode type) {
    if (type == null || type.isNull() || type.isMissingNode()) {
      return ColumnType.builder().name("unknown").json("null").build();
    }
    JsonNode decoded = type;
    if (type.isTextual()) {
      decoded = parseOrNull(type.textValue());
      if (decoded == null) { // a bare name such as decimal(10,2), not JSON-encoded
        return ColumnType.builder().name(type.textValue()).json(type.toString()).build();
      }
    }
    String name = decoded.isObject() ? decoded.path("type").asText("unknown") : decoded.asText();
    return ColumnType.builder().name(name).json(decoded.toString()).build();
  }

  private static JsonNode parseOrNull(String text) {
    try {
      JsonNode node = Json.mapper().readTree(text);
      return node == null || node.isMissingNode() ? null : node;
    } catch (JsonProcessingException notJson) {
      return null;
    }
  }

  private static List<Object> typedRow(JsonNode row, List<TableColumn> columns) {
    List<Object> values = new ArrayList<>(columns.size());
    if (row.isArray()) {
      for (int i = 0; i < row.size(); i++) {
        values.add(i < columns.size() ? typed(row.get(i), columns.get(i).type()) : plain(row.get(i)));
      }
    } else if (row.isObject()) {
      for (TableColumn c : columns) {
        values.add(typed(row.get(c.name()), c.type()));
      }
    } else {
      values.add(columns.isEmpty() ? plain(row) : typed(row, columns.get(0).type()));
    }
    return Collections.unmodifiableList(values);
  }

  /** The value as its column's Java type; when it does not parse as that type, as sent. */
  static Object typed(JsonNode v, ColumnType type) {
    if (v == null || v.isNull() || v.isMissingNode()) {
      return null;
    }
    String name = type.name().toLowerCase(Locale.ROOT);
    int paren = name.indexOf('(');
    String base = paren < 0 ? name : name.substring(0, paren);
    try {
      switch (base) {
        case "byte": case "tinyint": case "short": case "smallint": case "integer": case "int":
          return v.isNumber() ? Integer.valueOf(v.intValue()) : Integer.valueOf(v.asText().trim());
        case "long": case "bigint":
          return v.isNumber() ? Long.valueOf(v.longValue()) : Long.valueOf(v.asText().trim());
        case "float": case "double": case "real":
          return v.isNumber() ? Double.valueOf(v.doubleValue()) : Double.valueOf(v.asText().trim());
        case "decimal": case "numeric":
          return withDeclaredScale(v.isNumber() ? v.decimalValue() : new BigDecimal(v.asText().trim()), name);
        case "boolean":
          return v.isBoolean() ? Boolean.valueOf(v.booleanValue()) : parseBoolean(v.asText());
        case "string": case "char": case "varchar":
          return v.isTextual() ? v.textValue() : v.toString();
        case "date":
          return LocalDate.parse(v.asText().trim());
        default:
          return plain(v);
      }
    } catch (RuntimeException notThatType) {
      return plain(v);
    }
  }

  /** {@code decimal(10,2)} sent as {@code 1.5} reads as 1.50; never rounds. */
  private static BigDecimal withDeclaredScale(BigDecimal value, String typeName) {
    int comma = typeName.indexOf(',');
    int close = typeName.indexOf(')');
    if (comma < 0 || close < comma) {
      return value;
    }
    int scale = Integer.parseInt(typeName.substring(comma + 1, close).trim());
    return value.scale() < scale ? value.setScale(scale) : value;
  }

  private static Boolean parseBoolean(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    if (t.equals("true") || t.equals("false")) {
      return Boolean.valueOf(t);
    }
    throw new IllegalArgumentException("not a boolean: " + text);
  }

  /** JSON as plain Java: lists, maps, String, Boolean, Integer/Long/BigInteger, Double. */
  @SuppressWarnings("deprecation") // JsonNode.fields(): its replacement properties() is Jackson 2.15+
  static Object plain(JsonNode v) {
    if (v == null || v.isNull() || v.isMissingNode()) {
      return null;
    }
    if (v.isTextual()) {
      return v.textValue();
    }
    if (v.isBoolean()) {
      return v.booleanValue();
    }
    if (v.isIntegralNumber()) {
      return v.numberValue();
    }
    if (v.isNumber()) {
      return v.doubleValue();
    }
    if (v.isArray()) {
      List<Object> list = new ArrayList<>(v.size());
      v.forEach(e -> list.add(plain(e)));
      return Collections.unmodifiableList(list);
    }
    if (v.isObject()) {
      Map<String, Object> map = new LinkedHashMap<>();
      v.fields().forEachRemaining(e -> map.put(e.getKey(), plain(e.getValue())));
      return Collections.unmodifiableMap(map);
    }
    return v.toString();
  }
}
