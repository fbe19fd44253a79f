package dev.kiln.serving.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.kiln.core.error.InvalidRequestException;
import java.util.Optional;
import java.util.stream.Stream;
import org.immutables.value.Value;

/**
 * One grant of a permissions update: exactly one of user, group or service principal name, and a level.
 * Build with {@link #user}, {@link #group}, {@link #servicePrincipal} or the builder; an entry naming no
 * principal or several, or with {@link ServingEndpointPermissionLevel#UNKNOWN}, is refused when built.
 */
@Value.Immutable
@JsonSerialize(as = ServingEndpointAccessControlRequest.class)
@JsonDeserialize(as = ServingEndpointAccessControlRequest.class)
abstract class ServingEndpointAccessControlRequestDef implements PermissionPrincipal {
  /** The level to grant; not {@link ServingEndpointPermissionLevel#UNKNOWN}. */
  @JsonProperty("permission_level")
  public abstract ServingEndpointPermissionLevel permissionLevel();

  /** An entry granting {@code level} to the user {@code userName} (their email address). */
  public static ServingEndpointAccessControlRequest user(String userName, ServingEndpointPermissionLevel level) {
    return ServingEndpointAccessControlRequest.builder().userName(userName).permissionLevel(level).build();
  }

  /** An entry granting {@code level} to the group {@code groupName}. */
  public static ServingEndpointAccessControlRequest group(String groupName, ServingEndpointPermissionLevel level) {
    return ServingEndpointAccessControlRequest.builder().groupName(groupName).permissionLevel(level).build();
  }

  /**
   * An entry granting {@code level} to the service principal with application id
   * {@code applicationId}.
   */
  public static ServingEndpointAccessControlRequest servicePrincipal(String applicationId,
      ServingEndpointPermissionLevel level) {
    return ServingEndpointAccessControlRequest.builder().servicePrincipalName(applicationId).permissionLevel(level)
        .build();
  }

  /**
   * Rejects an entry the server would refuse, when it is built.
   *
   * @throws dev.kiln.core.error.InvalidRequestException unless exactly one non-blank principal is
   *     named, or for level {@code UNKNOWN}
   */
  @Value.Check
  protected void check() {
    long principals = Stream.of(userName(), groupName(), servicePrincipalName()).filter(Optional::isPresent).count();
    if (principals != 1) {
      throw new InvalidRequestException("a permission entry names exactly one of user_name, group_name or "
          + "service_principal_name, but " + principals + " were given");
    }
    if (principal().orElse("").isBlank()) {
      throw new InvalidRequestException("the principal of a permission entry must not be blank");
    }
    if (permissionLevel() == ServingEndpointPermissionLevel.UNKNOWN) {
      throw new InvalidRequestException("permission_level must be CAN_MANAGE, CAN_QUERY or CAN_VIEW");
    }
  }
}
