package dev.kiln.core.error;

/**
 * The {@code DatabricksClient} was closed before this work finished, or a call was made on a
 * closed client. Work Kiln started remotely (statements, commands, contexts) was cancelled or
 * destroyed on the way out.
 */
public class ClientClosedException extends DatabricksClientException {
  private static final long serialVersionUID = 1L;

  public ClientClosedException(String message) {
    super(message);
  }

  public ClientClosedException(String message, Throwable cause) {
    super(message, cause);
  }
}
