package dev.kiln.execution.model;

import org.immutables.value.Value;

/**
 * A column's type from a table result's schema. The server sends it JSON-encoded: a quoted name
 * such as {@code "\"integer\""} for simple types, a JSON object for arrays, maps and structs.
 */
@Value.Immutable
abstract class ColumnTypeDef {
  /** The type name, e.g. {@code integer}, {@code string}, {@code decimal(10,2)}, {@code array}, {@code struct}. */
  public abstract String name();

  /** The decoded type JSON, e.g. {@code "integer"} or {@code {"type":"array","elementType":"long",...}}. */
  public abstract String json();

  /** Whether this is an array, map or struct (values are then lists and maps). */
  public boolean isComplex() {
    return json().trim().startsWith("{");
  }
}
