package dev.kiln.sql.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import java.util.OptionalInt;
import org.immutables.value.Value;

/** One result column: name, 0-based position and type. */
@Value.Immutable
@JsonSerialize(as = Column.class)
@JsonDeserialize(as = Column.class)
abstract class ColumnDef {
  /** The column's name, as in the query's output. */
  @JsonProperty("name")
  public abstract String name();

  /** The column's 0-based position; 0 when not sent. */
  @JsonProperty("position")
  @Value.Default
  public int position() {
    return 0;
  }

  /** The type name exactly as sent, e.g. {@code DECIMAL} (also when {@link #type()} is UNKNOWN). */
  @JsonProperty("type_name")
  @Value.Default
  public String rawType() {
    return "";
  }

  /** The full SQL type, e.g. {@code DECIMAL(10,2)} or {@code ARRAY<STRING>}. */
  @JsonProperty("type_text")
  public abstract Optional<String> typeText();

  /** For DECIMAL: the number of digits in all. */
  @JsonProperty("type_precision")
  public abstract OptionalInt typePrecision();

  /** For DECIMAL: the number of digits after the point. */
  @JsonProperty("type_scale")
  public abstract OptionalInt typeScale();

  /** For INTERVAL columns, e.g. {@code DAY TO SECOND}. */
  @JsonProperty("type_interval_type")
  public abstract Optional<String> typeIntervalType();

  /** The type; {@code UNKNOWN} for a type newer than this SDK (see {@link #rawType()}). */
  @JsonIgnore
  public ColumnType type() {
    return ColumnType.fromWire(rawType());
  }
}
