package dev.kiln.core.error;

/** HTTP 504 / {@code DEADLINE_EXCEEDED}: the server gave up waiting. */
public class DeadlineExceededException extends DatabricksServiceException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception for the parsed error reply {@code info}. Kiln's error mapping calls this;
   * callers catch the exception rather than build it.
   */
  public DeadlineExceededException(ErrorInfo info) {
    super(info);
  }
}
