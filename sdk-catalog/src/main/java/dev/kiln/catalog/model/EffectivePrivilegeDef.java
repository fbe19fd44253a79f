package dev.kiln.catalog.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/** A privilege a principal holds on a securable, and where it was granted when it is inherited. */
@Value.Immutable
@JsonSerialize(as = EffectivePrivilege.class)
@JsonDeserialize(as = EffectivePrivilege.class)
abstract class EffectivePrivilegeDef {
  /** The privilege exactly as sent ({@code privilege}); {@link #privilege()} is its enum. */
  @JsonProperty("privilege")
  public abstract String rawPrivilege();

  /** Absent when the privilege is granted on the securable itself. */
  @JsonProperty("inherited_from_type")
  public abstract Optional<String> rawInheritedFromType();

  /**
   * The full name of the securable the privilege was granted on ({@code inherited_from_name});
   * absent when granted on this one.
   */
  @JsonProperty("inherited_from_name")
  public abstract Optional<String> inheritedFromName();

  /** The privilege; {@link Privilege#UNKNOWN} for one this SDK does not know. */
  public Privilege privilege() {
    return Privilege.fromWire(rawPrivilege());
  }

  /** The kind of securable the privilege was inherited from; empty when granted on this one. */
  public Optional<SecurableType> inheritedFromType() {
    return rawInheritedFromType().map(SecurableType::fromWire);
  }

  /** Whether the privilege comes from a parent securable rather than a grant on this one. */
  public boolean isInherited() {
    return rawInheritedFromType().isPresent();
  }
}
