package dev.kiln.catalog.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

import java.util.stream.Collectors;

/** The privileges granted directly to one principal on a securable. */
@Value.Immutable
@JsonSerialize(as = PrivilegeAssignment.class)
@JsonDeserialize(as = PrivilegeAssignment.class)
abstract class PrivilegeAssignmentDef {
  /** The user, group or service principal ({@code principal}). */
  @JsonProperty("principal")
  public abstract String principal();

  /** As the server sent them, including privileges this SDK does not know. */
  @JsonProperty("privileges")
  public abstract List<String> rawPrivileges();

  /** Typed; a privilege this SDK does not know is {@link Privilege#UNKNOWN}. */
  public List<Privilege> privileges() {
    return rawPrivileges().stream().map(Privilege::fromWire).collect(Collectors.toList());
  }
}
