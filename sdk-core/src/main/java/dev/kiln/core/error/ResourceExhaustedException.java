package dev.kiln.core.error;

/** {@code RESOURCE_EXHAUSTED}: a quota or limit was reached. */
public class ResourceExhaustedException extends TooManyRequestsException {
  private static final long serialVersionUID = 1L;

  public ResourceExhaustedException(ErrorInfo info) {
    super(info);
  }

  @Override
  public boolean isRetryable() {
    return true;
  }
}
