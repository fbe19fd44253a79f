package dev.kiln.emulator.internal;

import java.util.List;

/** RFC 4180 quoting, Databricks conventions: SQL NULL is the text {@code null}, lines end with LF. */
final class CsvWriter {
  private CsvWriter() {}

  static void appendRow(StringBuilder out, String[] values) {
    for (int i = 0; i < values.length; i++) {
      if (i > 0) {
        out.append(',');
      }
      appendField(out, values[i] == null ? "null" : values[i]);
    }
    out.append('\n');
  }

  static void appendHeader(StringBuilder out, List<ResultColumn> columns) {
    String[] names = new String[columns.size()];
    for (int i = 0; i < names.length; i++) {
      names[i] = columns.get(i).name();
    }
    appendRow(out, names);
  }

  private static void appendField(StringBuilder out, String value) {
    boolean needsQuotes =
        value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0;
    if (!needsQuotes) {
      out.append(value);
      return;
    }
    out.append('"').append(value.replace("\"", "\"\"")).append('"');
  }
}
