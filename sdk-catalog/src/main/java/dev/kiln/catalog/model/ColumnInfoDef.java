package dev.kiln.catalog.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One column of a table: {@code type_name} is the type's family (INT, DECIMAL, ARRAY, STRUCT...),
 * {@code type_text} the full SQL type ({@code decimal(10,2)}, {@code array<string>}).
 */
@Value.Immutable
@JsonSerialize(as = ColumnInfo.class)
@JsonDeserialize(as = ColumnInfo.class)
abstract class ColumnInfoDef {
  /** The column's name ({@code name}). */
  @JsonProperty("name")
  public abstract String name();

  /** Zero-based. */
  @JsonProperty("position")
  public abstract Optional<Integer> position();

  /** The type's family ({@code type_name}), e.g. {@code INT}, {@code DECIMAL}, {@code STRUCT}. */
  @JsonProperty("type_name")
  public abstract Optional<String> typeName();

  /** The full SQL type ({@code type_text}), e.g. {@code decimal(10,2)}. */
  @JsonProperty("type_text")
  public abstract Optional<String> typeText();

  /** The type as Spark's JSON schema form. */
  @JsonProperty("type_json")
  public abstract Optional<String> typeJson();

  /** Digits in all for a decimal column ({@code type_precision}); absent or 0 for other types. */
  @JsonProperty("type_precision")
  public abstract Optional<Integer> typePrecision();

  /**
   * Digits after the point for a decimal column ({@code type_scale}); absent or 0 for other types.
   */
  @JsonProperty("type_scale")
  public abstract Optional<Integer> typeScale();

  /** Unity Catalog's default is nullable. */
  @JsonProperty("nullable")
  @Value.Default
  public boolean nullable() {
    return true;
  }

  /** The column's description ({@code comment}). */
  @JsonProperty("comment")
  public abstract Optional<String> comment();

  /**
   * The column's position among the partition columns, zero-based ({@code partition_index}); absent
   * when it does not partition the table.
   */
  @JsonProperty("partition_index")
  public abstract Optional<Integer> partitionIndex();
}
