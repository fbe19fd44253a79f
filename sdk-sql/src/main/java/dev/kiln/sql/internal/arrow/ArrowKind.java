package dev.kiln.sql.internal.arrow;

/** The Arrow physical/logical types Kiln reads; one per layout (unit, zone, scale live on {@link ArrowField}). */
public enum ArrowKind {
  NULL,
  BOOL,
  INT8,
  INT16,
  INT32,
  INT64,
  UINT8,
  UINT16,
  UINT32,
  UINT64,
  FLOAT32,
  FLOAT64,
  /** decimal128 or decimal256 (see {@link ArrowField#byteWidth()}), with precision and scale. */
  DECIMAL,
  UTF8,
  LARGE_UTF8,
  BINARY,
  LARGE_BINARY,
  FIXED_SIZE_BINARY,
  /** date32: days since 1970-01-01. */
  DATE_DAY,
  /** date64: milliseconds since 1970-01-01. */
  DATE_MILLI,
  /** time32/time64 of day in {@link ArrowField#timeUnit()}. */
  TIME,
  /** int64 since the epoch in {@link ArrowField#timeUnit()}; {@link ArrowField#timezone()} null = TIMESTAMP_NTZ. */
  TIMESTAMP,
  /** int32 months (Spark YEAR TO MONTH intervals). */
  INTERVAL_YEAR_MONTH,
  /** int32 days + int32 milliseconds. */
  INTERVAL_DAY_TIME,
  /** int32 months + int32 days + int64 nanoseconds (Spark CalendarInterval). */
  INTERVAL_MONTH_DAY_NANO,
  /** int64 in {@link ArrowField#timeUnit()} (Spark DAY TO SECOND intervals). */
  DURATION,
  LIST,
  LARGE_LIST,
  FIXED_SIZE_LIST,
  STRUCT,
  /** list of a struct of key and value. */
  MAP;

  /** Whether values render as JSON arrays/objects (ARRAY, STRUCT, MAP). */
  public boolean isNested() {
    return this == LIST || this == LARGE_LIST || this == FIXED_SIZE_LIST || this == STRUCT || this == MAP;
  }
}
