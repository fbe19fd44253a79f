package dev.kiln.core.error;

/** HTTP 503 / {@code TEMPORARILY_UNAVAILABLE}: try again later; retried automatically. */
public class TemporarilyUnavailableException extends DatabricksServiceException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception for the parsed error reply {@code info}. Kiln's error mapping calls this;
   * callers catch the exception rather than build it.
   */
  public TemporarilyUnavailableException(ErrorInfo info) {
    super(info);
  }

  @Override
  public boolean isRetryable() {
    return true;
  }
}
