package dev.kiln.core.error;

/** {@code ABORTED}: the operation was aborted, often by a concurrent change. */
public class AbortedException extends ResourceConflictException {
  private static final long serialVersionUID = 1L;

  public AbortedException(ErrorInfo info) {
    super(info);
  }
}
