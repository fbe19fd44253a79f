package dev.kiln.core.error;

/**
 * The {@code DatabricksClient} was closed before this work finished, or a call was made on a
 * closed client. Work Kiln started remotely (statements, commands, contexts) was cancelled or
 * destroyed on the way out.
 */
public class ClientClosedException extends DatabricksClientException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message that says which call found the client closed. */
  public ClientClosedException(String message) {
    super(message);
  }

  /**
   * Creates the exception with a message and the failure that the shutdown interrupted (
   * {@code cause}).
   */
  public ClientClosedException(String message, Throwable cause) {
    super(message, cause);
  }
}
