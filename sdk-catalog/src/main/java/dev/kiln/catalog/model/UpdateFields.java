package dev.kiln.catalog.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.kiln.core.error.InvalidRequestException;
import dev.kiln.core.spi.Args;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/** The fields a catalog or schema update may change; only those set are sent, and one must be. */
public interface UpdateFields {
  /** Renames it; the new name is one name part. */
  @JsonProperty("new_name")
  Optional<String> newName();

  /** A new description ({@code comment}); unchanged when absent. */
  @JsonProperty("comment")
  Optional<String> comment();

  /** A new owner ({@code owner}), a user, group or service principal; unchanged when absent. */
  @JsonProperty("owner")
  Optional<String> owner();

  /** Replaces the properties when present (absent leaves them as they are). */
  @JsonProperty("properties")
  Optional<Map<String, String>> properties();

  /**
   * Refuses an update that changes nothing, a bad new name or a blank owner; Immutables calls it
   * when the update is built.
   *
   * @throws dev.kiln.core.error.InvalidRequestException if the update is invalid
   */
  @Value.Check
  default void check() {
    newName().ifPresent(n -> FullName.checkPart(n, "newName"));
    owner().ifPresent(o -> Args.notBlank(o, "owner"));
    if (newName().isEmpty() && comment().isEmpty() && owner().isEmpty() && properties().isEmpty()) {
      throw new InvalidRequestException("an update must change something");
    }
  }
}
