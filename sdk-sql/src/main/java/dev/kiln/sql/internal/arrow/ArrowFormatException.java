package dev.kiln.sql.internal.arrow;

import java.io.IOException;

/** Arrow IPC bytes Kiln cannot read: corrupt, truncated framing aside, or using a feature it does not support. */
public final class ArrowFormatException extends IOException {
  private static final long serialVersionUID = 1L;

  public ArrowFormatException(String message) {
    super(message);
  }

  public ArrowFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
