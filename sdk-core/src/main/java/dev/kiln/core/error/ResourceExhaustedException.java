package dev.kiln.core.error;

/** {@code RESOURCE_EXHAUSTED}: a quota or limit was reached. */
public class ResourceExhaustedException extends TooManyRequestsException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception for the parsed error reply {@code info}. Kiln's error mapping calls this;
   * callers catch the exception rather than build it.
   */
  public ResourceExhaustedException(ErrorInfo info) {
    super(info);
  }

  @Override
  public boolean isRetryable() {
    return true;
  }
}
