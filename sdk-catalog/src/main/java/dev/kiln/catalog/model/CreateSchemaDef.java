package dev.kiln.catalog.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code POST schemas}: {@code CreateSchema.builder().catalogName("main").name("sales").build()}. */
@Value.Immutable
@JsonSerialize(as = CreateSchema.class)
abstract class CreateSchemaDef {
  /** The schema's name ({@code name}): one name part, no dots, spaces or slashes. */
  @JsonProperty("name")
  public abstract String name();

  /** The catalog to create it in ({@code catalog_name}): one name part. */
  @JsonProperty("catalog_name")
  public abstract String catalogName();

  /** The schema's description ({@code comment}). */
  @JsonProperty("comment")
  public abstract Optional<String> comment();

  /** Key-value properties to set ({@code properties}); left out of the request when empty. */
  @JsonProperty("properties")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public abstract Map<String, String> properties();

  /**
   * A cloud storage URL for the schema's managed tables ({@code storage_root}); the catalog's when
   * absent.
   */
  @JsonProperty("storage_root")
  public abstract Optional<String> storageRoot();

  @Value.Check
  void check() {
    FullName.checkPart(catalogName(), "catalogName");
    FullName.checkPart(name(), "name");
  }
}
