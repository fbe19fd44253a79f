package dev.kiln.catalog.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code POST catalogs}: {@code CreateCatalog.builder().name("bronze").comment("raw").build()}. */
@Value.Immutable
@JsonSerialize(as = CreateCatalog.class)
abstract class CreateCatalogDef {
  /** One name part: no dots, spaces, slashes or control characters. */
  @JsonProperty("name")
  public abstract String name();

  /** The catalog's description ({@code comment}). */
  @JsonProperty("comment")
  public abstract Optional<String> comment();

  /** Key-value properties to set ({@code properties}); left out of the request when empty. */
  @JsonProperty("properties")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public abstract Map<String, String> properties();

  /** A cloud storage URL for the catalog's managed tables; the metastore's root when absent. */
  @JsonProperty("storage_root")
  public abstract Optional<String> storageRoot();

  @Value.Check
  void check() {
    FullName.checkPart(name(), "name");
  }
}
