package dev.kiln.sql.model;

import dev.kiln.core.spi.WireEnums;

/** A column's {@code type_name}; the raw text stays in {@link Column#rawType()}. */
public enum ColumnType {
  /** {@code ARRAY<...>}: sent as JSON text; read with {@code getJson} or {@code getString}. */
  ARRAY,
  /** {@code BINARY}: bytes, read with {@code getBytes}. */
  BINARY,
  /** {@code BOOLEAN}: read with {@code getBoolean}. */
  BOOLEAN,
  /** {@code TINYINT}, 8-bit signed: read with {@code getInt} or {@code getLong}. */
  BYTE,
  /** {@code CHAR(n)}: read with {@code getString}. */
  CHAR,
  /** {@code DATE}, no time of day: read with {@code getLocalDate}. */
  DATE,
  /** {@code DECIMAL(p,s)}, exact: read with {@code getBigDecimal}. */
  DECIMAL,
  /** {@code DOUBLE}, 64-bit floating point: read with {@code getDouble}. */
  DOUBLE,
  /** {@code FLOAT}, 32-bit floating point: read with {@code getDouble}. */
  FLOAT,
  /** {@code INT}, 32-bit signed: read with {@code getInt} or {@code getLong}. */
  INT,
  /** {@code INTERVAL}: read as its text with {@code getString}. */
  INTERVAL,
  /** {@code BIGINT}, 64-bit signed: read with {@code getLong}. */
  LONG,
  /** {@code MAP<...>}: sent as JSON text; read with {@code getJson} or {@code getString}. */
  MAP,
  /** {@code VOID}, the type of an untyped NULL literal: every value is NULL. */
  NULL,
  /** {@code SMALLINT}, 16-bit signed: read with {@code getInt} or {@code getLong}. */
  SHORT,
  /** {@code STRING}: read with {@code getString}. */
  STRING,
  /** {@code STRUCT<...>}: sent as JSON text; read with {@code getJson} or {@code getString}. */
  STRUCT,
  /**
   * {@code TIMESTAMP}, an instant: read with {@code getInstant}, or {@code getLocalDateTime} as UTC
   * wall-clock time.
   */
  TIMESTAMP,
  /** Timestamp without time zone (newer warehouses). */
  TIMESTAMP_NTZ,
  /** A user-defined type: read as its text with {@code getString}. */
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
