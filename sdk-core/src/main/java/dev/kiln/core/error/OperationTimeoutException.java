package dev.kiln.core.error;

/** A wait ended before the long-running operation reached a terminal state. */
public class OperationTimeoutException extends DatabricksClientException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception; {@code message} says what was awaited, for how long, and its last state.
   */
  public OperationTimeoutException(String message) {
    super(message);
  }
}
