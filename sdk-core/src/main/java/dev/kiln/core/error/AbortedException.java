package dev.kiln.core.error;

/** {@code ABORTED}: the operation was aborted, often by a concurrent change. */
public class AbortedException extends ResourceConflictException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception for the parsed error reply {@code info}. Kiln's error mapping calls this;
   * callers catch the exception rather than build it.
   */
  public AbortedException(ErrorInfo info) {
    super(info);
  }
}
