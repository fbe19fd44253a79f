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
  /** The absolute workspace path ({@code path}). */
  @JsonProperty("path")
  public abstract String path();

  /** {@code object_type} exactly as sent; {@link #objectType()} is its enum. */
  @JsonProperty("object_type")
  public abstract Optional<String> rawObjectType();

  /** The object's id ({@code object_id}); absent for some kinds. */
  @JsonProperty("object_id")
  public abstract Optional<Long> objectId();

  /**
   * The object's resource id ({@code resource_id}), a string form of its id used by permissions
   * APIs.
   */
  @JsonProperty("resource_id")
  public abstract Optional<String> resourceId();

  /** {@code language} exactly as sent (notebooks only); {@link #language()} is its enum. */
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

  /** The object's type; {@link ObjectType#UNKNOWN} when absent or not known to this SDK. */
  public ObjectType objectType() {
    return ObjectType.fromWire(rawObjectType().orElse(null));
  }

  /** The notebook's language; empty for objects that have none. */
  public Optional<Language> language() {
    return rawLanguage().map(Language::fromWire);
  }

  /**
   * Whether this object holds others: a directory or a repo (what recursive listing descends into).
   */
  public boolean isDirectory() {
    return objectType() == ObjectType.DIRECTORY || objectType() == ObjectType.REPO;
  }
}
