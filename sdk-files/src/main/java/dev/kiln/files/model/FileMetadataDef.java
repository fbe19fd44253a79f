package dev.kiln.files.model;

import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/** What the headers of a volume file say about it ({@code HEAD} or {@code GET}). */
@Value.Immutable
abstract class FileMetadataDef {
  /** {@code Content-Length}: the file's size in bytes. */
  public abstract long contentLength();

  /** {@code Content-Type} as the server sent it; empty when absent. */
  public abstract Optional<String> contentType();

  /** {@code Last-Modified}, when the server sent a readable HTTP date. */
  public abstract Optional<Instant> lastModified();

  /** {@code Last-Modified} exactly as sent. */
  public abstract Optional<String> rawLastModified();
}
