package dev.kiln.core.error;

/** HTTP 404 / {@code NOT_FOUND}: no such resource or route. */
public class NotFoundException extends DatabricksServiceException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception for the parsed error reply {@code info}. Kiln's error mapping calls this;
   * callers catch the exception rather than build it.
   */
  public NotFoundException(ErrorInfo info) {
    super(info);
  }
}
