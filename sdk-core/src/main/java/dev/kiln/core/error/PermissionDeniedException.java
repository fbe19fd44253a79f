package dev.kiln.core.error;

/** HTTP 403 / {@code PERMISSION_DENIED}: the caller may not do this. */
public class PermissionDeniedException extends DatabricksServiceException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception for the parsed error reply {@code info}. Kiln's error mapping calls this;
   * callers catch the exception rather than build it.
   */
  public PermissionDeniedException(ErrorInfo info) {
    super(info);
  }
}
