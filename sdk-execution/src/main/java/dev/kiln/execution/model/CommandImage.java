package dev.kiln.execution.model;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * One image a command produced: either its bytes (the server sent them base64-encoded) or the name
 * of the file the server stored it in, depending on what the server sent.
 */
public final class CommandImage {
  private final byte[] bytes;
  private final String fileName;

  private CommandImage(byte[] bytes, String fileName) {
    this.bytes = bytes;
    this.fileName = fileName;
  }

  /**
   * An image whose bytes the server sent; the array is copied.
   *
   * @param bytes the decoded image bytes, not null
   * @return the image
   * @throws NullPointerException if {@code bytes} is null
   */
  public static CommandImage ofBytes(byte[] bytes) {
    return new CommandImage(Objects.requireNonNull(bytes, "bytes").clone(), null);
  }

  /**
   * An image the server stored as a file and sent only the name of.
   *
   * @param fileName the file name as sent, not null
   * @return the image
   * @throws NullPointerException if {@code fileName} is null
   */
  public static CommandImage ofFileName(String fileName) {
    return new CommandImage(null, Objects.requireNonNull(fileName, "fileName"));
  }

  /** Whether the image bytes are here (otherwise only {@link #fileName()} is). */
  public boolean hasBytes() {
    return bytes != null;
  }

  /** A copy of the decoded image bytes. */
  public byte[] bytes() {
    if (bytes == null) {
      throw new IllegalStateException("the server sent only a file name for this image ("
          + fileName + "); check hasBytes() first");
    }
    return bytes.clone();
  }

  /**
   * The name of the file the server stored the image in; empty when the bytes were sent instead.
   */
  public Optional<String> fileName() {
    return Optional.ofNullable(fileName);
  }

  /** Equal when both hold the same bytes, or the same file name. */
  @Override
  public boolean equals(Object o) {
    if (!(o instanceof CommandImage)) {
      return false;
    }
    CommandImage other = (CommandImage) o;
    return Arrays.equals(bytes, other.bytes) && Objects.equals(fileName, other.fileName);
  }

  /** A hash of the bytes and file name, consistent with {@link #equals(Object)}. */
  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(bytes) + Objects.hashCode(fileName);
  }

  /** The byte count or the file name; never the bytes. */
  @Override
  public String toString() {
    return bytes != null ? "CommandImage[" + bytes.length + " bytes]" : "CommandImage[file=" + fileName + "]";
  }
}
