package dev.kiln.catalog.model;

import dev.kiln.core.spi.WireEnums;

/**
 * What kind of table a Unity Catalog table is.
 * {@link #UNKNOWN} stands for a value this SDK does not know yet; the model keeps the raw string.
 */
public enum TableType {
  MANAGED,
  EXTERNAL,
  VIEW,
  MATERIALIZED_VIEW,
  STREAMING_TABLE,
  FOREIGN,
  METRIC_VIEW,
  MANAGED_SHALLOW_CLONE,
  EXTERNAL_SHALLOW_CLONE,
  UNKNOWN;

  /** The constant for a wire value; {@link #UNKNOWN} for null or unrecognised values. */
  public static TableType fromWire(String raw) {
    return WireEnums.parse(TableType.class, raw, UNKNOWN);
  }
}
