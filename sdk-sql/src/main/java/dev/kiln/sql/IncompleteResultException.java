package dev.kiln.sql;

import dev.kiln.core.error.DatabricksException;

/**
 * Rows read disagree with the manifest (a chunk missing or short): raised instead of returning a
 * silently short result.
 */
public class IncompleteResultException extends DatabricksException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message which chunk or how many rows are missing
   */
  public IncompleteResultException(String message) {
    super(message);
  }
}
