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
  /** The volume's name ({@code name}), without catalog and schema. */
  @JsonProperty("name")
  public abstract String name();

  /** The catalog the volume belongs to ({@code catalog_name}). */
  @JsonProperty("catalog_name")
  public abstract Optional<String> catalogName();

  /** The schema the volume belongs to ({@code schema_name}). */
  @JsonProperty("schema_name")
  public abstract Optional<String> schemaName();

  /** {@code catalog.schema.volume} ({@code full_name}). */
  @JsonProperty("full_name")
  public abstract Optional<String> fullName();

  /** {@code volume_type} exactly as sent; {@link #volumeType()} is its enum. */
  @JsonProperty("volume_type")
  public abstract Optional<String> rawVolumeType();

  /** The cloud storage path of the volume's files ({@code storage_location}). */
  @JsonProperty("storage_location")
  public abstract Optional<String> storageLocation();

  /** The volume's unique id ({@code volume_id}). */
  @JsonProperty("volume_id")
  public abstract Optional<String> volumeId();

  /** Who owns the volume ({@code owner}). */
  @JsonProperty("owner")
  public abstract Optional<String> owner();

  /** The volume's description ({@code comment}). */
  @JsonProperty("comment")
  public abstract Optional<String> comment();

  /** When the volume was created ({@code created_at}), milliseconds since the epoch. */
  @JsonProperty("created_at")
  public abstract Optional<Long> createdAt();

  /** When the volume last changed ({@code updated_at}), milliseconds since the epoch. */
  @JsonProperty("updated_at")
  public abstract Optional<Long> updatedAt();

  /** Managed or external; {@link VolumeType#UNKNOWN} when absent or not known to this SDK. */
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
