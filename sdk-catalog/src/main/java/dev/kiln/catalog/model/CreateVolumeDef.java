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
  @JsonProperty("catalog_name")
  public abstract String catalogName();

  @JsonProperty("schema_name")
  public abstract String schemaName();

  @JsonProperty("name")
  public abstract String name();

  @JsonProperty("volume_type")
  @Value.Default
  public VolumeType volumeType() {
    return VolumeType.MANAGED;
  }

  @JsonProperty("storage_location")
  public abstract Optional<String> storageLocation();

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
