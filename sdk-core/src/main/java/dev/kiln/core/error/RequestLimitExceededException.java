package dev.kiln.core.error;

/** {@code REQUEST_LIMIT_EXCEEDED}: too many requests for this workspace. */
public class RequestLimitExceededException extends TooManyRequestsException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception for the parsed error reply {@code info}. Kiln's error mapping calls this;
   * callers catch the exception rather than build it.
   */
  public RequestLimitExceededException(ErrorInfo info) {
    super(info);
  }

  @Override
  public boolean isRetryable() {
    return true;
  }
}
