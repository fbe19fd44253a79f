package dev.kiln.core.error;

/** HTTP 500 / {@code INTERNAL_ERROR}: the server failed. */
public class InternalErrorException extends DatabricksServiceException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception for the parsed error reply {@code info}. Kiln's error mapping calls this;
   * callers catch the exception rather than build it.
   */
  public InternalErrorException(ErrorInfo info) {
    super(info);
  }
}
