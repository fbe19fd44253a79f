package dev.kiln.core.error;

/** The calling thread was interrupted while waiting; its interrupt flag is set again. */
public class OperationInterruptedException extends DatabricksClientException {
  private static final long serialVersionUID = 1L;

  public OperationInterruptedException(String message, InterruptedException cause) {
    super(message, cause);
  }
}
