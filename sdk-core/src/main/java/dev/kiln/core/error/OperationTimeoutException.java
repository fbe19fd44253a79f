package dev.kiln.core.error;

/** A wait ended before the long-running operation reached a terminal state. */
public class OperationTimeoutException extends DatabricksClientException {
  private static final long serialVersionUID = 1L;

  public OperationTimeoutException(String message) {
    super(message);
  }
}
