package dev.kiln.catalog.model;

import dev.kiln.core.spi.WireEnums;

/**
 * What kind of table a Unity Catalog table is.
 * {@link #UNKNOWN} stands for a value this SDK does not know yet; the model keeps the raw string.
 */
public enum TableType {
  /**
   * Unity Catalog manages the data's storage and lifecycle; dropping the table deletes the data.
   */
  MANAGED,
  /** The data lives at a path the user manages; dropping the table leaves it. */
  EXTERNAL,
  /** A view: a stored query over other tables. */
  VIEW,
  /** A materialized view: a query whose results are stored and refreshed. */
  MATERIALIZED_VIEW,
  /** A streaming table, fed incrementally (Lakeflow Declarative Pipelines). */
  STREAMING_TABLE,
  /** A table of a foreign catalog (Lakehouse Federation). */
  FOREIGN,
  /** A metric view: measures and dimensions defined over a source. */
  METRIC_VIEW,
  /** A shallow clone of a managed table (shares the source's data files). */
  MANAGED_SHALLOW_CLONE,
  /** A shallow clone of an external table (shares the source's data files). */
  EXTERNAL_SHALLOW_CLONE,
  /** A type this SDK does not know; the raw value stays on the model. */
  UNKNOWN;

  /** The constant for a wire value; {@link #UNKNOWN} for null or unrecognised values. */
  public static TableType fromWire(String raw) {
    return WireEnums.parse(TableType.class, raw, UNKNOWN);
  }
}
