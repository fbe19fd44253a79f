package dev.kiln.execution.model;

import java.util.Optional;
import org.immutables.value.Value;

/** One column of a table result. */
@Value.Immutable
abstract class TableColumnDef {
  /** The column's name as the result schema gives it. */
  public abstract String name();

  /**
   * The column's type; it decides the Java type of the column's values (see {@link ResultTable}).
   */
  public abstract ColumnType type();

  /** The column's metadata as JSON text, when the server sent any. */
  public abstract Optional<String> metadata();
}
