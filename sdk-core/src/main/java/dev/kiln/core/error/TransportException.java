package dev.kiln.core.error;

/**
 * The request could not be completed at the network level (connect refused, reset, timeout) after
 * every attempt allowed. {@link #attempts()} says how many were made.
 */
public class TransportException extends DatabricksClientException {
  private static final long serialVersionUID = 1L;
  private final int attempts;

  public TransportException(String message, Throwable cause, int attempts) {
    super(message, cause);
    this.attempts = attempts;
  }

  public int attempts() {
    return attempts;
  }
}
