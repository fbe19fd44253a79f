package dev.kiln.serving.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Optional;

/** Who a permission entry is about: a user, a group or a service principal, by name. */
public interface PermissionPrincipal {
  /** The user's name (their email address), when the entry is about a user. */
  @JsonProperty("user_name")
  Optional<String> userName();

  /** The group's name, when the entry is about a group, e.g. {@code users}. */
  @JsonProperty("group_name")
  Optional<String> groupName();

  /** The application id of a service principal. */
  @JsonProperty("service_principal_name")
  Optional<String> servicePrincipalName();

  /** Whichever of user, group or service principal name is set. */
  default Optional<String> principal() {
    return userName().or(this::groupName).or(this::servicePrincipalName);
  }
}
