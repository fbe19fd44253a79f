package dev.kiln.catalog.model;

import dev.kiln.core.spi.WireEnums;

/**
 * The storage format of a table's data.
 * {@link #UNKNOWN} stands for a value this SDK does not know yet; the model keeps the raw string.
 */
public enum DataSourceFormat {
  DELTA,
  CSV,
  JSON,
  AVRO,
  PARQUET,
  ORC,
  TEXT,
  UNITY_CATALOG,
  DELTASHARING,
  BIGQUERY_FORMAT,
  MYSQL_FORMAT,
  POSTGRESQL_FORMAT,
  SNOWFLAKE_FORMAT,
  SQLSERVER_FORMAT,
  DATABRICKS_FORMAT,
  REDSHIFT_FORMAT,
  UNKNOWN;

  /** The constant for a wire value; {@link #UNKNOWN} for null or unrecognised values. */
  public static DataSourceFormat fromWire(String raw) {
    return WireEnums.parse(DataSourceFormat.class, raw, UNKNOWN);
  }
}
