package dev.kiln.sql;

import dev.kiln.core.error.DatabricksClientException;

/** A {@link Row} read that cannot work: unknown column, wrong type, unparsable value, or NULL into a primitive. */
public class RowAccessException extends DatabricksClientException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message the column, its type and what went wrong; never the value
   */
  public RowAccessException(String message) {
    super(message);
  }

  /**
   * Creates the exception with its cause.
   *
   * @param message the column, its type and what went wrong; never the value
   * @param cause the underlying failure
   */
  public RowAccessException(String message, Throwable cause) {
    super(message, cause);
  }
}
