package dev.kiln.core.error;

/** HTTP 504 / {@code DEADLINE_EXCEEDED}: the server gave up waiting. */
public class DeadlineExceededException extends DatabricksServiceException {
  private static final long serialVersionUID = 1L;

  public DeadlineExceededException(ErrorInfo info) {
    super(info);
  }
}
