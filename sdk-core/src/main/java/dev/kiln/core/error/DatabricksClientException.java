package dev.kiln.core.error;

/** A problem on our side of the wire: invalid input, configuration, or a failure to reach the server. */
public class DatabricksClientException extends DatabricksException {
  private static final long serialVersionUID = 1L;

  public DatabricksClientException(String message) {
    super(message);
  }

  public DatabricksClientException(String message, Throwable cause) {
    super(message, cause);
  }
}
