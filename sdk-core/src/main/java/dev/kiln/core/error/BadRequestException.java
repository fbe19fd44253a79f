package dev.kiln.core.error;

/** HTTP 400: the request was malformed or had an invalid value. */
public class BadRequestException extends DatabricksServiceException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception for the parsed error reply {@code info}. Kiln's error mapping calls this;
   * callers catch the exception rather than build it.
   */
  public BadRequestException(ErrorInfo info) {
    super(info);
  }
}
