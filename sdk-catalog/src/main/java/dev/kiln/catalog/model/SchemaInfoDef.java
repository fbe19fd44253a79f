package dev.kiln.catalog.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/** A schema (database) inside a catalog. */
@Value.Immutable
@JsonSerialize(as = SchemaInfo.class)
@JsonDeserialize(as = SchemaInfo.class)
abstract class SchemaInfoDef implements Audited {
  /** The schema's name ({@code name}), without its catalog. */
  @JsonProperty("name")
  public abstract String name();

  /** The catalog the schema belongs to ({@code catalog_name}). */
  @JsonProperty("catalog_name")
  public abstract Optional<String> catalogName();

  /** {@code catalog.schema}. */
  @JsonProperty("full_name")
  public abstract Optional<String> fullName();

  /**
   * A cloud storage URL for the schema's managed tables ({@code storage_root}), when the schema has
   * its own.
   */
  @JsonProperty("storage_root")
  public abstract Optional<String> storageRoot();

  /**
   * The cloud storage URL Unity Catalog resolved for the schema's managed data
   * ({@code storage_location}).
   */
  @JsonProperty("storage_location")
  public abstract Optional<String> storageLocation();
}
