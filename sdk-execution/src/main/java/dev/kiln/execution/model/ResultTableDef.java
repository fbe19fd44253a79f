package dev.kiln.execution.model;

import java.util.List;
import org.immutables.value.Value;

/**
 * A table a command returned (e.g. {@code display(df)} or a SQL query). Each row holds one value
 * per column, typed from the column's type: {@code Integer} (byte, short, integer), {@code Long},
 * {@code Double} (float, double), {@code BigDecimal}, {@code Boolean}, {@code String},
 * {@code LocalDate} (date), lists and maps for complex types, {@code null} for NULL. Timestamps and
 * values that do not parse as their declared type stay as the server sent them.
 */
@Value.Immutable
abstract class ResultTableDef {
  /** The columns, in result order; a row's values are in the same order. */
  public abstract List<TableColumn> columns();

  /** The rows; a row is an unmodifiable list that may hold {@code null}s. */
  public abstract List<List<Object>> rows();

  /** Whether the server cut the result short (only the first rows were returned). */
  @Value.Default
  public boolean truncated() {
    return false;
  }

  /** The number of rows returned (after any truncation, see {@link #truncated()}). */
  public int rowCount() {
    return rows().size();
  }

  /** The position of the named column, or -1 when there is none. */
  public int columnIndex(String name) {
    List<TableColumn> cols = columns();
    for (int i = 0; i < cols.size(); i++) {
      if (cols.get(i).name().equals(name)) {
        return i;
      }
    }
    return -1;
  }
}
