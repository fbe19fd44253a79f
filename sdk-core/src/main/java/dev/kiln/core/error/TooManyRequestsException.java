package dev.kiln.core.error;

/** HTTP 429: rate limited; retried automatically, seen only when retries ran out. */
public class TooManyRequestsException extends DatabricksServiceException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception for the parsed error reply {@code info}. Kiln's error mapping calls this;
   * callers catch the exception rather than build it.
   */
  public TooManyRequestsException(ErrorInfo info) {
    super(info);
  }

  @Override
  public boolean isRetryable() {
    return true;
  }
}
