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
  @JsonProperty("name")
  public abstract String name();

  @JsonProperty("catalog_name")
  public abstract String catalogName();

  @JsonProperty("comment")
  public abstract Optional<String> comment();

  @JsonProperty("properties")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public abstract Map<String, String> properties();

  @JsonProperty("storage_root")
  public abstract Optional<String> storageRoot();

  @Value.Check
  void check() {
    FullName.checkPart(catalogName(), "catalogName");
    FullName.checkPart(name(), "name");
  }
}
