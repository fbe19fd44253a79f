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
  @JsonProperty("name")
  public abstract String name();

  /** Zero-based. */
  @JsonProperty("position")
  public abstract Optional<Integer> position();

  @JsonProperty("type_name")
  public abstract Optional<String> typeName();

  @JsonProperty("type_text")
  public abstract Optional<String> typeText();

  /** The type as Spark's JSON schema form. */
  @JsonProperty("type_json")
  public abstract Optional<String> typeJson();

  @JsonProperty("type_precision")
  public abstract Optional<Integer> typePrecision();

  @JsonProperty("type_scale")
  public abstract Optional<Integer> typeScale();

  /** Unity Catalog's default is nullable. */
  @JsonProperty("nullable")
  @Value.Default
  public boolean nullable() {
    return true;
  }

  @JsonProperty("comment")
  public abstract Optional<String> comment();

  @JsonProperty("partition_index")
  public abstract Optional<Integer> partitionIndex();
}
