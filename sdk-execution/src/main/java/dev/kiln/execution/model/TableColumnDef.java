package dev.kiln.execution.model;

import java.util.Optional;
import org.immutables.value.Value;

/** One column of a table result. */
@Value.Immutable
abstract class TableColumnDef {
  public abstract String name();

  public abstract ColumnType type();

  /** The column's metadata as JSON text, when the server sent any. */
  public abstract Optional<String> metadata();
}
