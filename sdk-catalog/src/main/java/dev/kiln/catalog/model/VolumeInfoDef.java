package dev.kiln.catalog.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/** A volume: governed file storage inside a schema, read and written with sdk-files. */
@Value.Immutable
@JsonSerialize(as = VolumeInfo.class)
@JsonDeserialize(as = VolumeInfo.class)
abstract class VolumeInfoDef {
  @JsonProperty("name")
  public abstract String name();

  @JsonProperty("catalog_name")
  public abstract Optional<String> catalogName();

  @JsonProperty("schema_name")
  public abstract Optional<String> schemaName();

  @JsonProperty("full_name")
  public abstract Optional<String> fullName();

  @JsonProperty("volume_type")
  public abstract Optional<String> rawVolumeType();

  @JsonProperty("storage_location")
  public abstract Optional<String> storageLocation();

  @JsonProperty("volume_id")
  public abstract Optional<String> volumeId();

  @JsonProperty("owner")
  public abstract Optional<String> owner();

  @JsonProperty("comment")
  public abstract Optional<String> comment();

  @JsonProperty("created_at")
  public abstract Optional<Long> createdAt();

  @JsonProperty("updated_at")
  public abstract Optional<Long> updatedAt();

  public VolumeType volumeType() {
    return VolumeType.fromWire(rawVolumeType().orElse(null));
  }

  /** Where its files are addressed: {@code /Volumes/catalog/schema/volume}. */
  public Optional<String> path() {
    if (catalogName().isEmpty() || schemaName().isEmpty()) {
      return Optional.empty();
    }
    return Optional.of("/Volumes/" + catalogName().get() + "/" + schemaName().get() + "/" + name());
  }
}
