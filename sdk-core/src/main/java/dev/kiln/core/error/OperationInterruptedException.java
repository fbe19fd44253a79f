package dev.kiln.core.error;

/** The calling thread was interrupted while waiting; its interrupt flag is set again. */
public class OperationInterruptedException extends DatabricksClientException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception; the caller re-sets the thread's interrupt flag before throwing it. */
  public OperationInterruptedException(String message, InterruptedException cause) {
    super(message, cause);
  }
}
