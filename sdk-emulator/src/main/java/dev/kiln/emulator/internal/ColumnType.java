package dev.kiln.emulator.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A result column's type as Databricks reports it ({@code type_name}, {@code type_text}, precision, scale),
 * parsed from the DuckDB type name ({@code INTEGER[]}, {@code STRUCT(a INTEGER, b VARCHAR)}, {@code
 * DECIMAL(10,2)}, ...), plus how its values are rendered as JSON_ARRAY/CSV text.
 */
final class ColumnType {
  /** How values of the type become text. */
  enum Rendering {
    PLAIN,
    TIMESTAMP,
    TIMESTAMP_WITH_ZONE,
    NESTED
  }

  /** DuckDB base type → {Databricks type_name, type_text}. */
  private static final Map<String, String[]> BASE_TYPES =
      Map.ofEntries(
          Map.entry("BOOLEAN", new String[] {"BOOLEAN", "BOOLEAN"}),
          Map.entry("TINYINT", new String[] {"BYTE", "TINYINT"}),
          Map.entry("SMALLINT", new String[] {"SHORT", "SMALLINT"}),
          Map.entry("UTINYINT", new String[] {"SHORT", "SMALLINT"}),
          Map.entry("INTEGER", new String[] {"INT", "INT"}),
          Map.entry("USMALLINT", new String[] {"INT", "INT"}),
          Map.entry("BIGINT", new String[] {"LONG", "BIGINT"}),
          Map.entry("UINTEGER", new String[] {"LONG", "BIGINT"}),
          Map.entry("FLOAT", new String[] {"FLOAT", "FLOAT"}),
          Map.entry("DOUBLE", new String[] {"DOUBLE", "DOUBLE"}),
          Map.entry("VARCHAR", new String[] {"STRING", "STRING"}),
          Map.entry("BLOB", new String[] {"BINARY", "BINARY"}),
          Map.entry("DATE", new String[] {"DATE", "DATE"}),
          Map.entry("INTERVAL", new String[] {"INTERVAL", "INTERVAL"}),
          Map.entry("NULL", new String[] {"NULL", "VOID"}),
          // DuckDB reports its NULL type as INTEGER; the translator types a bare NULL select item as BIT instead.
          Map.entry("BIT", new String[] {"NULL", "VOID"}));

  private final String typeName;
  private final String typeText;
  private final Integer precision;
  private final Integer scale;
  private final Rendering rendering;
  /** ARRAY: the element; MAP: key and value; STRUCT: the fields (named in {@link #childNames}). */
  private final List<ColumnType> children;
  private final List<String> childNames;

  private ColumnType(String typeName, String typeText, Integer precision, Integer scale, Rendering rendering) {
    this(typeName, typeText, precision, scale, rendering, List.of(), List.of());
  }

  private ColumnType(
      String typeName,
      String typeText,
      Integer precision,
      Integer scale,
      Rendering rendering,
      List<ColumnType> children,
      List<String> childNames) {
    this.typeName = typeName;
    this.typeText = typeText;
    this.precision = precision;
    this.scale = scale;
    this.rendering = rendering;
    this.children = List.copyOf(children);
    this.childNames = List.copyOf(childNames);
  }

  private static ColumnType simple(String typeName, String typeText) {
    return new ColumnType(typeName, typeText, null, null, Rendering.PLAIN);
  }

  private static ColumnType decimal(int precision, int scale) {
    return new ColumnType(
        "DECIMAL", "DECIMAL(" + precision + "," + scale + ")", precision, scale, Rendering.PLAIN);
  }

  private static ColumnType nested(
      String typeName, String typeText, List<ColumnType> children, List<String> childNames) {
    return new ColumnType(typeName, typeText, null, null, Rendering.NESTED, children, childNames);
  }

  static ColumnType fromDuckDb(String duckType) {
    String type = duckType.trim();
    String upper = type.toUpperCase(Locale.ROOT);
    if (upper.endsWith("]")) {
      ColumnType element = fromDuckDb(type.substring(0, arrayOpen(type)));
      return nested("ARRAY", "ARRAY<" + element.typeText + ">", List.of(element), List.of("element"));
    }
    if (upper.startsWith("STRUCT(") && upper.endsWith(")")) {
      List<String> fields = new ArrayList<>();
      List<ColumnType> fieldTypes = new ArrayList<>();
      List<String> names = new ArrayList<>();
      for (String field : splitTopLevel(type.substring(7, type.length() - 1))) {
        int space = nameEnd(field);
        String name = field.substring(0, space).trim().replace("\"", "");
        ColumnType fieldType = fromDuckDb(field.substring(space));
        fields.add(name + ": " + fieldType.typeText);
        fieldTypes.add(fieldType);
        names.add(name);
      }
      return nested("STRUCT", "STRUCT<" + String.join(", ", fields) + ">", fieldTypes, names);
    }
    if (upper.startsWith("MAP(") && upper.endsWith(")")) {
      List<String> parts = splitTopLevel(type.substring(4, type.length() - 1));
      ColumnType key = parts.isEmpty() ? simple("STRING", "STRING") : fromDuckDb(parts.get(0));
      ColumnType value = parts.size() < 2 ? simple("STRING", "STRING") : fromDuckDb(parts.get(1));
      return nested(
          "MAP", "MAP<" + key.typeText + ", " + value.typeText + ">", List.of(key, value), List.of("key", "value"));
    }
    if (upper.startsWith("DECIMAL(")) {
      List<String> parts = splitTopLevel(type.substring(8, type.length() - 1));
      return decimal(Integer.parseInt(parts.get(0).trim()), Integer.parseInt(parts.get(1).trim()));
    }
    if (upper.equals("HUGEINT") || upper.equals("UHUGEINT")) {
      // DuckDB sums integers into 128-bit HUGEINT; Spark's SUM of INT/BIGINT is BIGINT.
      return simple("LONG", "BIGINT");
    }
    if (upper.equals("UBIGINT")) {
      return decimal(20, 0);
    }
    if (upper.equals("TIMESTAMP_NS")) {
      // The translator writes Spark's TIMESTAMP_NTZ as DuckDB's TIMESTAMP_NS, so the name survives the engine.
      return new ColumnType("TIMESTAMP_NTZ", "TIMESTAMP_NTZ", null, null, Rendering.TIMESTAMP);
    }
    if (upper.startsWith("TIMESTAMP WITH TIME ZONE") || upper.equals("TIMESTAMPTZ")) {
      return new ColumnType("TIMESTAMP", "TIMESTAMP", null, null, Rendering.TIMESTAMP_WITH_ZONE);
    }
    if (upper.startsWith("TIMESTAMP")) {
      return new ColumnType("TIMESTAMP", "TIMESTAMP", null, null, Rendering.TIMESTAMP);
    }
    String[] names = BASE_TYPES.get(upper);
    return names == null ? simple("STRING", "STRING") : simple(names[0], names[1]);
  }

  /** Index of the {@code [} that opens the trailing {@code [...]} of a list or fixed-size array type. */
  private static int arrayOpen(String type) {
    int depth = 0;
    for (int i = type.length() - 1; i >= 0; i--) {
      char c = type.charAt(i);
      if (c == ']') {
        depth++;
      } else if (c == '[' && --depth == 0) {
        return i;
      }
    }
    return 0;
  }

  private static int nameEnd(String field) {
    String trimmed = field.trim();
    int offset = field.indexOf(trimmed);
    if (trimmed.startsWith("\"")) {
      int close = trimmed.indexOf('"', 1);
      return offset + (close < 0 ? trimmed.length() : close + 1);
    }
    int space = trimmed.indexOf(' ');
    return offset + (space < 0 ? trimmed.length() : space);
  }

  private static List<String> splitTopLevel(String text) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    boolean quoted = false;
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (!quoted && (c == '(' || c == '[')) {
        depth++;
      } else if (!quoted && (c == ')' || c == ']')) {
        depth--;
      } else if (!quoted && c == ',' && depth == 0) {
        parts.add(text.substring(start, i).trim());
        start = i + 1;
      }
    }
    if (start < text.length()) {
      parts.add(text.substring(start).trim());
    }
    return parts;
  }

  /**
   * Spark's catalog string of the type, as DESCRIBE's {@code data_type} and Unity Catalog's {@code type_text}
   * show it: lower case, no spaces ({@code decimal(10,2)}, {@code array<string>}, {@code struct<a:int,b:string>}),
   * field names as written.
   */
  String catalogString() {
    switch (typeName) {
      case "ARRAY":
        return "array<" + children.get(0).catalogString() + ">";
      case "MAP":
        return "map<" + children.get(0).catalogString() + "," + children.get(1).catalogString() + ">";
      case "STRUCT":
        List<String> fields = new ArrayList<>();
        for (int i = 0; i < children.size(); i++) {
          fields.add(childNames.get(i) + ":" + children.get(i).catalogString());
        }
        return "struct<" + String.join(",", fields) + ">";
      default:
        return typeText.toLowerCase(Locale.ROOT);
    }
  }

  String typeName() {
    return typeName;
  }

  String typeText() {
    return typeText;
  }

  Integer precision() {
    return precision;
  }

  Integer scale() {
    return scale;
  }

  Rendering rendering() {
    return rendering;
  }

  List<ColumnType> children() {
    return children;
  }

  List<String> childNames() {
    return childNames;
  }
}
