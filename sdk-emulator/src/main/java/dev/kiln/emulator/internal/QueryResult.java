package dev.kiln.emulator.internal;

import java.util.List;

/** What a statement produced: columns and rows of Databricks-formatted text, and whether a limit cut it. */
final class QueryResult {
  private final List<ResultColumn> columns;
  private final List<String[]> rows;
  private final boolean truncated;

  QueryResult(List<ResultColumn> columns, List<String[]> rows, boolean truncated) {
    this.columns = List.copyOf(columns);
    this.rows = rows;
    this.truncated = truncated;
  }

  List<ResultColumn> columns() {
    return columns;
  }

  List<String[]> rows() {
    return rows;
  }

  boolean truncated() {
    return truncated;
  }
}
