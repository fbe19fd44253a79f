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
  @JsonProperty("privilege")
  public abstract String rawPrivilege();

  /** Absent when the privilege is granted on the securable itself. */
  @JsonProperty("inherited_from_type")
  public abstract Optional<String> rawInheritedFromType();

  @JsonProperty("inherited_from_name")
  public abstract Optional<String> inheritedFromName();

  public Privilege privilege() {
    return Privilege.fromWire(rawPrivilege());
  }

  public Optional<SecurableType> inheritedFromType() {
    return rawInheritedFromType().map(SecurableType::fromWire);
  }

  public boolean isInherited() {
    return rawInheritedFromType().isPresent();
  }
}
