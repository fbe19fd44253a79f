package dev.kiln.sql.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.OptionalInt;
import org.immutables.value.Value;

/** {@code manifest.schema}. */
@Value.Immutable
@JsonSerialize(as = ResultSchema.class)
@JsonDeserialize(as = ResultSchema.class)
abstract class ResultSchemaDef {
  /** How many columns the result has. */
  @JsonProperty("column_count")
  public abstract OptionalInt columnCount();

  /** The columns in result order; empty when not sent. */
  @JsonProperty("columns")
  public abstract List<Column> columns();
}
