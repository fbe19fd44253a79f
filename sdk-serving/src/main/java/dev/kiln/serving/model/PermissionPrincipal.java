package dev.kiln.serving.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Optional;

/** Who a permission entry is about: a user, a group or a service principal, by name. */
public interface PermissionPrincipal {
  @JsonProperty("user_name")
  Optional<String> userName();

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
