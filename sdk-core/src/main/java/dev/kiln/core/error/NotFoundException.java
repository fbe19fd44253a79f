package dev.kiln.core.error;

/** HTTP 404 / {@code NOT_FOUND}: no such resource or route. */
public class NotFoundException extends DatabricksServiceException {
  private static final long serialVersionUID = 1L;

  public NotFoundException(ErrorInfo info) {
    super(info);
  }
}
