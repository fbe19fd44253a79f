package dev.kiln.catalog.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

import dev.kiln.core.error.InvalidRequestException;

/**
 * {@code POST volumes}. A MANAGED volume lives in the schema's storage and takes no location; an
 * EXTERNAL one needs {@code storageLocation} (a path under an external location).
 */
@Value.Immutable
@JsonSerialize(as = CreateVolume.class)
abstract class CreateVolumeDef {
  /** The catalog ({@code catalog_name}): one name part. */
  @JsonProperty("catalog_name")
  public abstract String catalogName();

  /** The schema ({@code schema_name}): one name part. */
  @JsonProperty("schema_name")
  public abstract String schemaName();

  /** The volume's name ({@code name}): one name part. */
  @JsonProperty("name")
  public abstract String name();

  /**
   * Managed or external ({@code volume_type}); {@link VolumeType#MANAGED} by default,
   * {@link VolumeType#UNKNOWN} is refused.
   */
  @JsonProperty("volume_type")
  @Value.Default
  public VolumeType volumeType() {
    return VolumeType.MANAGED;
  }

  /**
   * For an EXTERNAL volume, the cloud path it points at ({@code storage_location}); must be absent
   * for a MANAGED one.
   */
  @JsonProperty("storage_location")
  public abstract Optional<String> storageLocation();

  /** The volume's description ({@code comment}). */
  @JsonProperty("comment")
  public abstract Optional<String> comment();

  @Value.Check
  void check() {
    FullName.checkPart(catalogName(), "catalogName");
    FullName.checkPart(schemaName(), "schemaName");
    FullName.checkPart(name(), "name");
    if (volumeType() == VolumeType.UNKNOWN) {
      throw new InvalidRequestException("volumeType must be MANAGED or EXTERNAL");
    }
    if (volumeType() == VolumeType.EXTERNAL && storageLocation().map(String::isBlank).orElse(true)) {
      throw new InvalidRequestException("an EXTERNAL volume needs a storageLocation");
    }
    if (volumeType() == VolumeType.MANAGED && storageLocation().isPresent()) {
      throw new InvalidRequestException("a MANAGED volume takes no storageLocation");
    }
  }
}
