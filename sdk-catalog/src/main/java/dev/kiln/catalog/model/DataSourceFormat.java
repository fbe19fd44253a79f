package dev.kiln.catalog.model;

import dev.kiln.core.spi.WireEnums;

/**
 * The storage format of a table's data.
 * {@link #UNKNOWN} stands for a value this SDK does not know yet; the model keeps the raw string.
 */
public enum DataSourceFormat {
  /** Delta Lake, the default for tables Unity Catalog creates. */
  DELTA,
  /** Comma-separated values files. */
  CSV,
  /** JSON files. */
  JSON,
  /** Avro files. */
  AVRO,
  /** Parquet files. */
  PARQUET,
  /** ORC files. */
  ORC,
  /** Plain text files. */
  TEXT,
  /** Unity Catalog's own metadata tables (such as the information schema). */
  UNITY_CATALOG,
  /** A table shared to this metastore through Delta Sharing. */
  DELTASHARING,
  /** A foreign table in Google BigQuery (Lakehouse Federation). */
  BIGQUERY_FORMAT,
  /** A foreign table in MySQL (Lakehouse Federation). */
  MYSQL_FORMAT,
  /** A foreign table in PostgreSQL (Lakehouse Federation). */
  POSTGRESQL_FORMAT,
  /** A foreign table in Snowflake (Lakehouse Federation). */
  SNOWFLAKE_FORMAT,
  /** A foreign table in Microsoft SQL Server (Lakehouse Federation). */
  SQLSERVER_FORMAT,
  /** A foreign table in another Databricks workspace (Lakehouse Federation). */
  DATABRICKS_FORMAT,
  /** A foreign table in Amazon Redshift (Lakehouse Federation). */
  REDSHIFT_FORMAT,
  /** A format this SDK does not know; the raw value stays on the table. */
  UNKNOWN;

  /** The constant for a wire value; {@link #UNKNOWN} for null or unrecognised values. */
  public static DataSourceFormat fromWire(String raw) {
    return WireEnums.parse(DataSourceFormat.class, raw, UNKNOWN);
  }
}
