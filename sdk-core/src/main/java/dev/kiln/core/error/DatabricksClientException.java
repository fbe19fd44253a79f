package dev.kiln.core.error;

/** A problem on our side of the wire: invalid input, configuration, or a failure to reach the server. */
public class DatabricksClientException extends DatabricksException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message that says what went wrong on the client side. */
  public DatabricksClientException(String message) {
    super(message);
  }

  /**
   * Creates the exception with a message and the underlying failure ({@code cause}, may be null).
   */
  public DatabricksClientException(String message, Throwable cause) {
    super(message, cause);
  }
}
