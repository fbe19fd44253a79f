package dev.kiln.catalog.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.kiln.catalog.model.GrantChanges;
import java.util.List;
import java.util.stream.Collectors;

/** {@code PATCH permissions/..}: {@code {"changes": [{"principal", "add", "remove"}]}}, the flat real shape. */
public final class UpdateGrantsBody {
  @JsonProperty("changes")
  private final List<ChangeBody> changes;

  private UpdateGrantsBody(List<ChangeBody> changes) {
    this.changes = changes;
  }

  public static UpdateGrantsBody of(GrantChanges changes) {
    return new UpdateGrantsBody(changes.changes().stream().map(ChangeBody::new).collect(Collectors.toList()));
  }

  static final class ChangeBody {
    @JsonProperty("principal")
    private final String principal;

    // Empty lists are left out: the server treats absent and empty alike.
    @JsonProperty("add")
    private final List<String> add;

    @JsonProperty("remove")
    private final List<String> remove;

    ChangeBody(GrantChanges.Change change) {
      this.principal = change.principal();
      this.add = change.add().isEmpty() ? null : change.add();
      this.remove = change.remove().isEmpty() ? null : change.remove();
    }
  }
}
