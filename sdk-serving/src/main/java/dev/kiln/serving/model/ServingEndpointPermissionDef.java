package dev.kiln.serving.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** One permission a principal holds on an endpoint, granted directly or inherited from a parent object. */
@Value.Immutable
@JsonSerialize(as = ServingEndpointPermission.class)
@JsonDeserialize(as = ServingEndpointPermission.class)
abstract class ServingEndpointPermissionDef {
  /** {@code permission_level} exactly as sent, e.g. {@code "CAN_QUERY"}. */
  @JsonProperty("permission_level")
  public abstract Optional<String> rawPermissionLevel();

  /** True when the permission comes from a parent object (see {@link #inheritedFromObject()}). */
  @JsonProperty("inherited")
  @Value.Default
  public boolean inherited() {
    return false;
  }

  /** The objects it is inherited from, e.g. {@code /serving-endpoints/}. */
  @JsonProperty("inherited_from_object")
  public abstract List<String> inheritedFromObject();

  /** {@code permission_level} typed; {@link ServingEndpointPermissionLevel#UNKNOWN} when absent or new. */
  public ServingEndpointPermissionLevel permissionLevel() {
    return ServingEndpointPermissionLevel.fromWire(rawPermissionLevel().orElse(null));
  }
}
