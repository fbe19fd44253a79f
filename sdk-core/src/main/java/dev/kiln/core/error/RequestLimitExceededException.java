package dev.kiln.core.error;

/** {@code REQUEST_LIMIT_EXCEEDED}: too many requests for this workspace. */
public class RequestLimitExceededException extends TooManyRequestsException {
  private static final long serialVersionUID = 1L;

  public RequestLimitExceededException(ErrorInfo info) {
    super(info);
  }

  @Override
  public boolean isRetryable() {
    return true;
  }
}
