package dev.kiln.catalog.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/** Every privilege one principal holds on a securable, granted there or inherited from a parent. */
@Value.Immutable
@JsonSerialize(as = EffectivePrivilegeAssignment.class)
@JsonDeserialize(as = EffectivePrivilegeAssignment.class)
abstract class EffectivePrivilegeAssignmentDef {
  /** The user, group or service principal ({@code principal}). */
  @JsonProperty("principal")
  public abstract String principal();

  /** Every privilege it holds ({@code privileges}), granted on the securable or inherited. */
  @JsonProperty("privileges")
  public abstract List<EffectivePrivilege> privileges();
}
