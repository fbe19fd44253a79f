package dev.kiln.examples;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BinaryNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.kiln.core.Json;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Locale;

/**
 * The one formatter of the CLI and the tour: renders a {@link Table} as an aligned text table, a JSON array
 * of objects (exact decimals, numbers as numbers) or RFC 4180 CSV with a header line. Every rendering ends
 * with a line break.
 */
public final class OutputFormatter {
  /** What {@code --output} selects. */
  public enum Format {
    TABLE,
    JSON,
    CSV;

    /** {@code table}, {@code json} or {@code csv}, in any case. */
    public static Format parse(String text) {
      return valueOf(text.trim().toUpperCase(Locale.ROOT));
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
  private static final CsvMapper CSV = new CsvMapper();

  private final Format format;
  private final boolean groupDecimals;

  public OutputFormatter(Format format) {
    this(format, false);
  }

  private OutputFormatter(Format format, boolean groupDecimals) {
    this.format = format;
    this.groupDecimals = groupDecimals;
  }

  /** A copy whose text tables show decimals with thousands separators (JSON and CSV stay exact and plain). */
  public OutputFormatter groupingDecimals() {
    return new OutputFormatter(format, true);
  }

  public Format format() {
    return format;
  }

  /** The table in this formatter's format. */
  public String render(Table table) {
    switch (format) {
      case JSON:
        return json(toJson(table));
      case CSV:
        return csv(table);
      default:
        return text(table);
    }
  }

  /** A JSON document, pretty-printed. */
  public static String json(JsonNode node) {
    try {
      return JSON.writeValueAsString(node) + System.lineSeparator();
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The rows as a JSON array of objects keyed by column name. */
  public static ArrayNode toJson(Table table) {
    ArrayNode array = JsonNodeFactory.instance.arrayNode();
    for (List<Object> row : table.rows()) {
      ObjectNode object = array.addObject();
      for (int i = 0; i < table.columns().size(); i++) {
        object.set(table.columns().get(i), toJson(row.get(i)));
      }
    }
    return array;
  }

  /** One value as JSON: numbers stay numbers (decimals exact), dates and times become ISO text. */
  public static JsonNode toJson(Object value) {
    if (value == null) {
      return NullNode.getInstance();
    }
    if (value instanceof JsonNode) {
      return (JsonNode) value;
    }
    if (value instanceof BigDecimal) {
      return DecimalNode.valueOf((BigDecimal) value);
    }
    if (value instanceof BigInteger) {
      return DecimalNode.valueOf(new BigDecimal((BigInteger) value));
    }
    if (value instanceof Double || value instanceof Float) {
      return DoubleNode.valueOf(((Number) value).doubleValue());
    }
    if (value instanceof Number) {
      return LongNode.valueOf(((Number) value).longValue());
    }
    if (value instanceof Boolean) {
      return BooleanNode.valueOf((Boolean) value);
    }
    if (value instanceof byte[]) {
      return BinaryNode.valueOf((byte[]) value);
    }
    if (value instanceof Map || value instanceof Collection) {
      return Json.mapper().valueToTree(value);
    }
    return TextNode.valueOf(value.toString());
  }

  /** A value as it appears in a text table or CSV cell: decimals in plain notation, JSON as compact text. */
  public static String cell(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof BigDecimal) {
      return ((BigDecimal) value).toPlainString();
    }
    if (value instanceof byte[]) {
      return Base64.getEncoder().encodeToString((byte[]) value);
    }
    if (value instanceof JsonNode) {
      JsonNode node = (JsonNode) value;
      return node.isValueNode() ? node.asText() : node.toString();
    }
    if (value instanceof Map || value instanceof Collection) {
      return toJson(value).toString();
    }
    return value.toString();
  }

  private static String csv(Table table) {
    CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
    for (String column : table.columns()) {
      schema.addColumn(column);
    }
    List<List<String>> rows = new ArrayList<>();
    for (List<Object> row : table.rows()) {
      List<String> cells = new ArrayList<>(row.size());
      for (Object value : row) {
        cells.add(cell(value));
      }
      rows.add(cells);
    }
    try {
      return CSV.writer(schema.build().withLineSeparator(System.lineSeparator())).writeValueAsString(rows);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Columns separated by two spaces, numbers right-aligned, a dashed line under the header. */
  private String text(Table table) {
    int n = table.columns().size();
    int[] widths = new int[n];
    boolean[] numeric = new boolean[n];
    for (int i = 0; i < n; i++) {
      widths[i] = table.columns().get(i).length();
      numeric[i] = !table.rows().isEmpty();
    }
    List<String[]> cells = new ArrayList<>();
    for (List<Object> row : table.rows()) {
      String[] line = new String[n];
      for (int i = 0; i < n; i++) {
        Object value = row.get(i);
        line[i] = value == null ? "NULL"
            : groupDecimals && value instanceof BigDecimal ? grouped((BigDecimal) value) : cell(value);
        widths[i] = Math.max(widths[i], line[i].length());
        numeric[i] &= value == null || value instanceof Number;
      }
      cells.add(line);
    }
    StringBuilder out = new StringBuilder();
    String[] header = table.columns().toArray(new String[0]);
    appendLine(out, header, widths, numeric);
    String[] rule = new String[n];
    for (int i = 0; i < n; i++) {
      rule[i] = "-".repeat(widths[i]);
    }
    appendLine(out, rule, widths, numeric);
    for (String[] line : cells) {
      appendLine(out, line, widths, numeric);
    }
    return out.toString();
  }

  /** 1234567.5 → "1,234,567.5" (the scale is kept). */
  public static String grouped(BigDecimal value) {
    return String.format(Locale.ROOT, "%,." + Math.max(0, value.scale()) + "f", value);
  }

  private static void appendLine(StringBuilder out, String[] cells, int[] widths, boolean[] rightAligned) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < cells.length; i++) {
      if (i > 0) {
        line.append("  ");
      }
      String pad = " ".repeat(widths[i] - cells[i].length());
      line.append(rightAligned[i] ? pad + cells[i] : cells[i] + pad);
    }
    out.append(line.toString().stripTrailing()).append(System.lineSeparator());
  }
}
