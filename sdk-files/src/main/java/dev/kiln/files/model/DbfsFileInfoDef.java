package dev.kiln.files.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/** One DBFS file or directory, as {@code list} and {@code get-status} return it. */
@Value.Immutable
@JsonSerialize(as = DbfsFileInfo.class)
@JsonDeserialize(as = DbfsFileInfo.class)
abstract class DbfsFileInfoDef {
  /** The absolute path, without the {@code dbfs:} scheme. */
  @JsonProperty("path")
  public abstract String path();

  /** Whether this is a directory ({@code is_dir}); false when the server leaves it out. */
  @JsonProperty("is_dir")
  @Value.Default
  public boolean isDir() {
    return false;
  }

  /** Size in bytes; 0 for directories. */
  @JsonProperty("file_size")
  @Value.Default
  public long fileSize() {
    return 0;
  }

  /** Last modification, epoch milliseconds. */
  @JsonProperty("modification_time")
  public abstract Optional<Long> modificationTime();

  /** {@link #modificationTime()} as an instant; empty when the server sent none. */
  public Optional<Instant> modifiedAt() {
    return modificationTime().map(Instant::ofEpochMilli);
  }
}
