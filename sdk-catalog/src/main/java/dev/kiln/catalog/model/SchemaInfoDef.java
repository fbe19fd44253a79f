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
  @JsonProperty("name")
  public abstract String name();

  @JsonProperty("catalog_name")
  public abstract Optional<String> catalogName();

  /** {@code catalog.schema}. */
  @JsonProperty("full_name")
  public abstract Optional<String> fullName();

  @JsonProperty("storage_root")
  public abstract Optional<String> storageRoot();

  @JsonProperty("storage_location")
  public abstract Optional<String> storageLocation();
}
