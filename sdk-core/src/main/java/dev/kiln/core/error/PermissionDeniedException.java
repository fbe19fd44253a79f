package dev.kiln.core.error;

/** HTTP 403 / {@code PERMISSION_DENIED}: the caller may not do this. */
public class PermissionDeniedException extends DatabricksServiceException {
  private static final long serialVersionUID = 1L;

  public PermissionDeniedException(ErrorInfo info) {
    super(info);
  }
}
