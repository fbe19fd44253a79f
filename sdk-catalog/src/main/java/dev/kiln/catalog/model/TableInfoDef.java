package dev.kiln.catalog.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/** A table or view with its columns, as {@code GET tables/{full_name}} describes it. */
@Value.Immutable
@JsonSerialize(as = TableInfo.class)
@JsonDeserialize(as = TableInfo.class)
abstract class TableInfoDef implements Audited {
  /** The table's name ({@code name}), without catalog and schema. */
  @JsonProperty("name")
  public abstract String name();

  /** The catalog the table belongs to ({@code catalog_name}). */
  @JsonProperty("catalog_name")
  public abstract Optional<String> catalogName();

  /** The schema the table belongs to ({@code schema_name}). */
  @JsonProperty("schema_name")
  public abstract Optional<String> schemaName();

  /** {@code catalog.schema.table}. */
  @JsonProperty("full_name")
  public abstract Optional<String> fullName();

  /** The table type exactly as the server sent it. */
  @JsonProperty("table_type")
  public abstract Optional<String> rawTableType();

  /** The data source format exactly as the server sent it. */
  @JsonProperty("data_source_format")
  public abstract Optional<String> rawDataSourceFormat();

  /** In position order; listings may leave them out. */
  @JsonProperty("columns")
  public abstract List<ColumnInfo> columns();

  /** Where the table's data lives ({@code storage_location}); absent for views. */
  @JsonProperty("storage_location")
  public abstract Optional<String> storageLocation();

  /** The SQL text of a view. */
  @JsonProperty("view_definition")
  public abstract Optional<String> viewDefinition();

  /** The table's unique id ({@code table_id}). */
  @JsonProperty("table_id")
  public abstract Optional<String> tableId();

  /** {@link TableType#UNKNOWN} when absent or new (see {@link #rawTableType()}). */
  public TableType tableType() {
    return TableType.fromWire(rawTableType().orElse(null));
  }

  /** {@link DataSourceFormat#UNKNOWN} when absent or new (see {@link #rawDataSourceFormat()}). */
  public DataSourceFormat dataSourceFormat() {
    return DataSourceFormat.fromWire(rawDataSourceFormat().orElse(null));
  }

  /** The column called {@code name} (case-insensitive, as Unity Catalog names are). */
  public Optional<ColumnInfo> column(String name) {
    return columns().stream().filter(c -> c.name().equalsIgnoreCase(name)).findFirst();
  }
}
