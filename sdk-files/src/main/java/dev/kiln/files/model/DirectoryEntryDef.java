package dev.kiln.files.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/** One entry of a volume directory listing (Files API). */
@Value.Immutable
@JsonSerialize(as = DirectoryEntry.class)
@JsonDeserialize(as = DirectoryEntry.class)
abstract class DirectoryEntryDef {
  /** The absolute path, {@code /Volumes/...}. */
  @JsonProperty("path")
  public abstract String path();

  /** The last path segment ({@code name}), when the server sent it. */
  @JsonProperty("name")
  public abstract Optional<String> name();

  /**
   * Whether this entry is a directory ({@code is_directory}); false when the server leaves it out.
   */
  @JsonProperty("is_directory")
  @Value.Default
  public boolean isDirectory() {
    return false;
  }

  /** Size in bytes (files only). */
  @JsonProperty("file_size")
  public abstract Optional<Long> fileSize();

  /** Last modification, epoch ms. */
  @JsonProperty("last_modified")
  public abstract Optional<Long> lastModified();

  /** {@link #lastModified()} as an instant; empty when the server sent none. */
  public Optional<Instant> modifiedAt() {
    return lastModified().map(Instant::ofEpochMilli);
  }
}
