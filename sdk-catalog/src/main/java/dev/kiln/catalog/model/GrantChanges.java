package dev.kiln.catalog.model;

import dev.kiln.core.error.InvalidRequestException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Privileges to add and remove on one securable, grouped per principal: the body of
 * {@code PATCH permissions/{type}/{full_name}}, {@code {"changes": [{"principal", "add", "remove"}]}}.
 *
 * <pre>{@code
 * GrantChanges.builder()
 *     .grant("erp-service-principal", Privilege.USE_CATALOG, Privilege.SELECT)
 *     .revoke("analysts", Privilege.MODIFY)
 *     .build();
 * }</pre>
 *
 * Granting and revoking the same privilege to the same principal in one change is refused (the
 * outcome would depend on the server's order of application).
 */
public final class GrantChanges {
  private final List<Change> changes;

  private GrantChanges(List<Change> changes) {
    this.changes = List.copyOf(changes);
  }

  /**
   * A builder with no changes yet.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** In the order principals were first named. */
  public List<Change> changes() {
    return changes;
  }

  /** Equal when the same changes are listed in the same order. */
  @Override
  public boolean equals(Object o) {
    return o instanceof GrantChanges && ((GrantChanges) o).changes.equals(changes);
  }

  /** A hash of the changes, consistent with {@link #equals(Object)}. */
  @Override
  public int hashCode() {
    return changes.hashCode();
  }

  /** The changes per principal, for logs. */
  @Override
  public String toString() {
    return "GrantChanges" + changes;
  }

  /** One principal's additions and removals (raw privilege names, as sent). */
  public static final class Change {
    private final String principal;
    private final List<String> add;
    private final List<String> remove;

    Change(String principal, Set<String> add, Set<String> remove) {
      this.principal = principal;
      this.add = List.copyOf(add);
      this.remove = List.copyOf(remove);
    }

    /**
     * The user, group or service principal the change is for.
     *
     * @return the principal's name
     */
    public String principal() {
      return principal;
    }

    /**
     * Privileges to grant ({@code add}), by name.
     *
     * @return the names, empty when none
     */
    public List<String> add() {
      return add;
    }

    /**
     * Privileges to revoke ({@code remove}), by name.
     *
     * @return the names, empty when none
     */
    public List<String> remove() {
      return remove;
    }

    /** Equal when principal, additions and removals are equal. */
    @Override
    public boolean equals(Object o) {
      if (!(o instanceof Change)) {
        return false;
      }
      Change c = (Change) o;
      return c.principal.equals(principal) && c.add.equals(add) && c.remove.equals(remove);
    }

    /** A hash of principal, additions and removals, consistent with {@link #equals(Object)}. */
    @Override
    public int hashCode() {
      return Objects.hash(principal, add, remove);
    }

    /** The principal with its additions and removals, for logs. */
    @Override
    public String toString() {
      return "{principal=" + principal + ", add=" + add + ", remove=" + remove + "}";
    }
  }

  /** Collects grants and revokes; privileges given twice are sent once. */
  public static final class Builder {
    private final Map<String, Set<String>> adds = new LinkedHashMap<>();
    private final Map<String, Set<String>> removes = new LinkedHashMap<>();
    private final Set<String> principals = new LinkedHashSet<>();

    private Builder() {}

    /**
     * Grants {@code privileges} to {@code principal}.
     *
     * @param principal a user, group or service principal; not blank
     * @param privileges at least one, none {@link Privilege#UNKNOWN}
     * @return this builder
     * @throws InvalidRequestException if the principal is blank or a privilege is missing or
     *     unknown
     */
    public Builder grant(String principal, Privilege... privileges) {
      return add(adds, principal, names(privileges));
    }

    /** Privileges by name, for ones newer than {@link Privilege}. */
    public Builder grant(String principal, String... privileges) {
      return add(adds, principal, rawNames(privileges));
    }

    /**
     * Revokes {@code privileges} from {@code principal}.
     *
     * @param principal a user, group or service principal; not blank
     * @param privileges at least one, none {@link Privilege#UNKNOWN}
     * @return this builder
     * @throws InvalidRequestException if the principal is blank or a privilege is missing or
     *     unknown
     */
    public Builder revoke(String principal, Privilege... privileges) {
      return add(removes, principal, names(privileges));
    }

    /** Privileges by name, for ones newer than {@link Privilege}. */
    public Builder revoke(String principal, String... privileges) {
      return add(removes, principal, rawNames(privileges));
    }

    private Builder add(Map<String, Set<String>> target, String principal, List<String> privileges) {
      if (principal == null || principal.isBlank()) {
        throw new InvalidRequestException("principal must not be blank");
      }
      if (privileges.isEmpty()) {
        throw new InvalidRequestException("name at least one privilege for " + principal);
      }
      principals.add(principal);
      target.computeIfAbsent(principal, p -> new LinkedHashSet<>()).addAll(privileges);
      return this;
    }

    private static List<String> names(Privilege... privileges) {
      Objects.requireNonNull(privileges, "privileges");
      List<String> names = new ArrayList<>();
      for (Privilege p : privileges) {
        if (p == null || p == Privilege.UNKNOWN) {
          throw new InvalidRequestException("privileges must be known privileges, got " + p
              + " (use the String overload for a privilege newer than this SDK)");
        }
        names.add(p.name());
      }
      return names;
    }

    private static List<String> rawNames(String... privileges) {
      Objects.requireNonNull(privileges, "privileges");
      for (String p : privileges) {
        if (p == null || !p.matches("[A-Za-z_]+")) {
          throw new InvalidRequestException("a privilege is a word like SELECT or USE_CATALOG, got '" + p + "'");
        }
      }
      return Arrays.asList(privileges);
    }

    /** @throws InvalidRequestException when nothing changes or a privilege is both granted and revoked */
    public GrantChanges build() {
      if (principals.isEmpty()) {
        throw new InvalidRequestException("grant changes must grant or revoke something");
      }
      List<Change> changes = new ArrayList<>();
      for (String principal : principals) {
        Set<String> add = adds.getOrDefault(principal, Collections.emptySet());
        Set<String> remove = removes.getOrDefault(principal, Collections.emptySet());
        for (String p : add) {
          if (remove.stream().anyMatch(p::equalsIgnoreCase)) {
            throw new InvalidRequestException(p + " is both granted to and revoked from " + principal);
          }
        }
        changes.add(new Change(principal, add, remove));
      }
      return new GrantChanges(changes);
    }
  }
}
