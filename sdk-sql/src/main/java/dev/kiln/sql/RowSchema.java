package dev.kiln.sql;

import dev.kiln.sql.model.Column;
import dev.kiln.sql.model.ColumnType;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Column lookup shared by every row of a result: exact name first, then a unique case-insensitive match. */
final class RowSchema {
  private static final int NAMES_IN_ERRORS = 20;
  /** Marks a lower-cased name shared by several columns. */
  private static final int AMBIGUOUS = -1;

  private final List<Column> columns;
  /** Each column's type, mapped once rather than on every value read. */
  private final ColumnType[] types;
  private final Map<String, Integer> exact = new HashMap<>();
  private final Map<String, Integer> folded = new HashMap<>();

  RowSchema(List<Column> columns) {
    this.columns = List.copyOf(columns);
    this.types = new ColumnType[this.columns.size()];
    for (int i = 0; i < this.columns.size(); i++) {
      String name = this.columns.get(i).name();
      types[i] = this.columns.get(i).type();
      exact.putIfAbsent(name, i);
      folded.merge(name.toLowerCase(Locale.ROOT), i, (a, b) -> AMBIGUOUS);
    }
  }

  List<Column> columns() {
    return columns;
  }

  int size() {
    return columns.size();
  }

  Column column(int index) {
    if (index < 0 || index >= columns.size()) {
      throw new RowAccessException("column index " + index + " is out of range: the result has "
          + columns.size() + " columns (0 to " + (columns.size() - 1) + ")");
    }
    return columns.get(index);
  }

  /** {@code column(index).type()}, range-checked the same way. */
  ColumnType type(int index) {
    if (index < 0 || index >= types.length) {
      column(index); // throws the range error
    }
    return types[index];
  }

  int indexOf(String name) {
    Integer i = exact.get(name);
    if (i == null && name != null) {
      i = folded.get(name.toLowerCase(Locale.ROOT));
      if (i != null && i == AMBIGUOUS) {
        throw new RowAccessException("column '" + name + "' matches several columns when case is ignored: "
            + "use the exact name or the index");
      }
    }
    if (i == null) {
      throw new RowAccessException("no column '" + name + "' in the result; columns are: " + names());
    }
    return i;
  }

  private String names() {
    String shown = columns.stream().limit(NAMES_IN_ERRORS).map(Column::name).collect(Collectors.joining(", "));
    return columns.size() > NAMES_IN_ERRORS ? shown + ", ... (" + columns.size() + " in all)" : shown;
  }
}
