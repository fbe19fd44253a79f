package dev.kiln.sql;

import dev.kiln.core.error.DatabricksClientException;

/** The result is in a format or compression newer than this SDK, which it cannot read rows from. */
public class UnsupportedFormatException extends DatabricksClientException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message the format or compression the server chose, and what to ask for instead
   */
  public UnsupportedFormatException(String message) {
    super(message);
  }
}
