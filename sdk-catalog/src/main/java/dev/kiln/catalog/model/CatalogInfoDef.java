package dev.kiln.catalog.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/** A catalog: the first level of Unity Catalog's three-level namespace. */
@Value.Immutable
@JsonSerialize(as = CatalogInfo.class)
@JsonDeserialize(as = CatalogInfo.class)
abstract class CatalogInfoDef implements Audited {
  /** The catalog's name ({@code name}). */
  @JsonProperty("name")
  public abstract String name();

  /** The catalog's full name ({@code full_name}); for a catalog the same as its name. */
  @JsonProperty("full_name")
  public abstract Optional<String> fullName();

  /** Where managed tables of the catalog live, when the catalog has its own storage root. */
  @JsonProperty("storage_root")
  public abstract Optional<String> storageRoot();

  /**
   * The cloud storage URL Unity Catalog resolved for the catalog's managed data
   * ({@code storage_location}).
   */
  @JsonProperty("storage_location")
  public abstract Optional<String> storageLocation();

  /** For example MANAGED_CATALOG, DELTASHARING_CATALOG, FOREIGN_CATALOG, SYSTEM_CATALOG. */
  @JsonProperty("catalog_type")
  public abstract Optional<String> catalogType();

  /** The id of the metastore the catalog belongs to ({@code metastore_id}). */
  @JsonProperty("metastore_id")
  public abstract Optional<String> metastoreId();
}
