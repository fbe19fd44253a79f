package dev.kiln.sql;

import dev.kiln.core.error.DatabricksClientException;

/** A {@link Row} read that cannot work: unknown column, wrong type, unparsable value, or NULL into a primitive. */
public class RowAccessException extends DatabricksClientException {
  private static final long serialVersionUID = 1L;

  public RowAccessException(String message) {
    super(message);
  }

  public RowAccessException(String message, Throwable cause) {
    super(message, cause);
  }
}
