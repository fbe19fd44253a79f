package dev.kiln.serving.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Who may do what on a serving endpoint ({@code /api/2.0/permissions/serving-endpoints/{id}}): each principal
 * with its direct and inherited permissions.
 */
@Value.Immutable
@JsonSerialize(as = ServingEndpointPermissions.class)
@JsonDeserialize(as = ServingEndpointPermissions.class)
abstract class ServingEndpointPermissionsDef {
  /** E.g. {@code /serving-endpoints/<id>}. */
  @JsonProperty("object_id")
  public abstract Optional<String> objectId();

  /** E.g. {@code serving-endpoint}. */
  @JsonProperty("object_type")
  public abstract Optional<String> objectType();

  /** One entry per user, group or service principal with a permission, direct or inherited. */
  @JsonProperty("access_control_list")
  public abstract List<ServingEndpointAccessControl> accessControlList();

  /** The entry of a user, group or service principal, by name. */
  public Optional<ServingEndpointAccessControl> find(String principal) {
    return accessControlList().stream().filter(e -> e.principal().filter(principal::equals).isPresent()).findFirst();
  }
}
