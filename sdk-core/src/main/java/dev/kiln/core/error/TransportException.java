package dev.kiln.core.error;

/**
 * The request could not be completed at the network level (connect refused, reset, timeout) after
 * every attempt allowed. {@link #attempts()} says how many were made.
 */
public class TransportException extends DatabricksClientException {
  private static final long serialVersionUID = 1L;
  /** Attempts made before giving up. */
  private final int attempts;

  /**
   * Creates the exception.
   *
   * @param message which request failed, never with its secrets
   * @param cause the I/O failure of the last attempt
   * @param attempts attempts made, including the last one
   */
  public TransportException(String message, Throwable cause, int attempts) {
    super(message, cause);
    this.attempts = attempts;
  }

  /** How many times the request was sent before Kiln gave up (1 when it was not retried). */
  public int attempts() {
    return attempts;
  }
}
