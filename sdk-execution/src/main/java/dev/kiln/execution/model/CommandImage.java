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

  public static CommandImage ofBytes(byte[] bytes) {
    return new CommandImage(Objects.requireNonNull(bytes, "bytes").clone(), null);
  }

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

  public Optional<String> fileName() {
    return Optional.ofNullable(fileName);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof CommandImage)) {
      return false;
    }
    CommandImage other = (CommandImage) o;
    return Arrays.equals(bytes, other.bytes) && Objects.equals(fileName, other.fileName);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(bytes) + Objects.hashCode(fileName);
  }

  @Override
  public String toString() {
    return bytes != null ? "CommandImage[" + bytes.length + " bytes]" : "CommandImage[file=" + fileName + "]";
  }
}
