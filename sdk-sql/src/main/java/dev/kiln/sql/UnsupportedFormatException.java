package dev.kiln.sql;

import dev.kiln.core.error.DatabricksClientException;

/** The result is in a format sdk-sql cannot read rows from (ARROW_STREAM, or one newer than this SDK). */
public class UnsupportedFormatException extends DatabricksClientException {
  private static final long serialVersionUID = 1L;

  public UnsupportedFormatException(String message) {
    super(message);
  }
}
