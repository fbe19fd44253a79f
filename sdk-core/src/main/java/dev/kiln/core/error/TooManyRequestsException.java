package dev.kiln.core.error;

/** HTTP 429: rate limited; retried automatically, seen only when retries ran out. */
public class TooManyRequestsException extends DatabricksServiceException {
  private static final long serialVersionUID = 1L;

  public TooManyRequestsException(ErrorInfo info) {
    super(info);
  }

  @Override
  public boolean isRetryable() {
    return true;
  }
}
