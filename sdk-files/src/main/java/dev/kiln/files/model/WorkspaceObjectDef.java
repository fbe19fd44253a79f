package dev.kiln.files.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A notebook, directory, file, library, repo or dashboard in the workspace tree. The raw
 * {@code object_type} and {@code language} are kept beside their enums.
 */
@Value.Immutable
@JsonSerialize(as = WorkspaceObject.class)
@JsonDeserialize(as = WorkspaceObject.class)
abstract class WorkspaceObjectDef {
  @JsonProperty("path")
  public abstract String path();

  @JsonProperty("object_type")
  public abstract Optional<String> rawObjectType();

  @JsonProperty("object_id")
  public abstract Optional<Long> objectId();

  @JsonProperty("resource_id")
  public abstract Optional<String> resourceId();

  @JsonProperty("language")
  public abstract Optional<String> rawLanguage();

  /** Creation time, epoch ms (files only). */
  @JsonProperty("created_at")
  public abstract Optional<Long> createdAt();

  /** Last modification, epoch ms (files only). */
  @JsonProperty("modified_at")
  public abstract Optional<Long> modifiedAt();

  /** Size in bytes (files only). */
  @JsonProperty("size")
  public abstract Optional<Long> size();

  public ObjectType objectType() {
    return ObjectType.fromWire(rawObjectType().orElse(null));
  }

  /** The notebook's language; empty for objects that have none. */
  public Optional<Language> language() {
    return rawLanguage().map(Language::fromWire);
  }

  public boolean isDirectory() {
    return objectType() == ObjectType.DIRECTORY || objectType() == ObjectType.REPO;
  }
}
