package dev.kiln.examples;

import dev.kiln.execution.model.ResultTable;
import dev.kiln.execution.model.TableColumn;
import dev.kiln.sql.Row;
import dev.kiln.sql.StatementResult;
import dev.kiln.sql.model.Column;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Rows to print: column names and typed values (String, numbers, BigDecimal, Boolean, java.time values,
 * JsonNode, byte[], null). {@link OutputFormatter} renders it as an aligned table, JSON or CSV.
 */
public final class Table {
  private final List<String> columns;
  private final List<List<Object>> rows = new ArrayList<>();

  private Table(List<String> columns) {
    this.columns = List.copyOf(columns);
  }

  public static Table withColumns(String... columns) {
    return new Table(Arrays.asList(columns));
  }

  public static Table withColumns(List<String> columns) {
    return new Table(columns);
  }

  /** Every row of a statement result, each value as its natural Java type ({@link Row#getObject(int)}). */
  public static Table of(StatementResult result) {
    List<String> names = new ArrayList<>();
    for (Column c : result.columns()) {
      names.add(c.name());
    }
    Table table = new Table(names);
    for (Row row : result.rows()) {
      Object[] values = new Object[row.size()];
      for (int i = 0; i < values.length; i++) {
        values[i] = row.getObject(i);
      }
      table.addRow(values);
    }
    return table;
  }

  /** The table an execution-context command returned. */
  public static Table of(ResultTable result) {
    List<String> names = new ArrayList<>();
    for (TableColumn c : result.columns()) {
      names.add(c.name());
    }
    Table table = new Table(names);
    for (List<Object> row : result.rows()) {
      table.addRow(row.toArray());
    }
    return table;
  }

  public Table addRow(Object... values) {
    if (values.length != columns.size()) {
      throw new IllegalArgumentException("a row of this table has " + columns.size() + " values, got " + values.length);
    }
    rows.add(Collections.unmodifiableList(new ArrayList<>(Arrays.asList(values))));
    return this;
  }

  public List<String> columns() {
    return columns;
  }

  public List<List<Object>> rows() {
    return Collections.unmodifiableList(rows);
  }

  public int size() {
    return rows.size();
  }

  /** The index of {@code column}, or -1. */
  public int indexOf(String column) {
    for (int i = 0; i < columns.size(); i++) {
      if (Objects.equals(columns.get(i), column)) {
        return i;
      }
    }
    return -1;
  }

  @Override
  public String toString() {
    return "Table" + columns + " (" + rows.size() + " rows)";
  }
}
