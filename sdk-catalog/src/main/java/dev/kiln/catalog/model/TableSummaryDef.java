package dev.kiln.catalog.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/** A table's name and type, from {@code table-summaries}. */
@Value.Immutable
@JsonSerialize(as = TableSummary.class)
@JsonDeserialize(as = TableSummary.class)
abstract class TableSummaryDef {
  /** The table's name, {@code catalog.schema.table} ({@code full_name}). */
  @JsonProperty("full_name")
  public abstract String fullName();

  /** The table type exactly as sent ({@code table_type}); {@link #tableType()} is its enum. */
  @JsonProperty("table_type")
  public abstract Optional<String> rawTableType();

  /** The table's type; {@link TableType#UNKNOWN} when absent or not known to this SDK. */
  public TableType tableType() {
    return TableType.fromWire(rawTableType().orElse(null));
  }
}
