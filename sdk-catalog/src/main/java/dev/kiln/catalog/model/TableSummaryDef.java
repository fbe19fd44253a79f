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
  @JsonProperty("full_name")
  public abstract String fullName();

  @JsonProperty("table_type")
  public abstract Optional<String> rawTableType();

  public TableType tableType() {
    return TableType.fromWire(rawTableType().orElse(null));
  }
}
