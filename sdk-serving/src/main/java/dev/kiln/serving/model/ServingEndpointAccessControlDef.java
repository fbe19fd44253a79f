package dev.kiln.serving.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** A principal (a user, a group or a service principal) and the permissions it holds on an endpoint. */
@Value.Immutable
@JsonSerialize(as = ServingEndpointAccessControl.class)
@JsonDeserialize(as = ServingEndpointAccessControl.class)
abstract class ServingEndpointAccessControlDef implements PermissionPrincipal {
  /** The principal's display name, as the workspace shows it. */
  @JsonProperty("display_name")
  public abstract Optional<String> displayName();

  /**
   * Every permission the principal holds on the endpoint, direct and inherited (from the workspace
   * or a group).
   */
  @JsonProperty("all_permissions")
  public abstract List<ServingEndpointPermission> allPermissions();

  /** Whether any of its permissions, direct or inherited, is {@code level}. */
  public boolean holds(ServingEndpointPermissionLevel level) {
    return allPermissions().stream().anyMatch(p -> p.permissionLevel() == level);
  }
}
