package dev.kiln.core.error;

/**
 * No byte arrived for longer than the client's {@code readTimeout}: neither the response headers
 * nor the next part of a body the caller was waiting for. A request that is not idempotent (a
 * submit POST) is not sent again after it, since the server may have acted on it.
 */
public class ReadTimeoutException extends TransportException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message which request timed out and after how long
   * @param cause the {@code HttpTimeoutException} or I/O error seen
   * @param attempts attempts made, including this one
   */
  public ReadTimeoutException(String message, Throwable cause, int attempts) {
    super(message, cause, attempts);
  }
}
