package dev.kiln.sql.model;

import dev.kiln.core.spi.WireEnums;

/** A column's {@code type_name}; the raw text stays in {@link Column#rawType()}. */
public enum ColumnType {
  ARRAY,
  BINARY,
  BOOLEAN,
  BYTE,
  CHAR,
  DATE,
  DECIMAL,
  DOUBLE,
  FLOAT,
  INT,
  INTERVAL,
  LONG,
  MAP,
  NULL,
  SHORT,
  STRING,
  STRUCT,
  TIMESTAMP,
  /** Timestamp without time zone (newer warehouses). */
  TIMESTAMP_NTZ,
  USER_DEFINED_TYPE,
  /** A type this SDK version does not know; rows still read it with {@code getString}. */
  UNKNOWN;

  /** Whether values arrive as JSON text (ARRAY, MAP, STRUCT). */
  public boolean isComplex() {
    return this == ARRAY || this == MAP || this == STRUCT;
  }

  /** The constant for a wire value, {@link #UNKNOWN} for null or unrecognised text. */
  public static ColumnType fromWire(String raw) {
    return WireEnums.parse(ColumnType.class, raw, UNKNOWN);
  }
}
