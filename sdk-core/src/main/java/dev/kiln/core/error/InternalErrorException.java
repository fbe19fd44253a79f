package dev.kiln.core.error;

/** HTTP 500 / {@code INTERNAL_ERROR}: the server failed. */
public class InternalErrorException extends DatabricksServiceException {
  private static final long serialVersionUID = 1L;

  public InternalErrorException(ErrorInfo info) {
    super(info);
  }
}
