package dev.kiln.core.error;

/** HTTP 400: the request was malformed or had an invalid value. */
public class BadRequestException extends DatabricksServiceException {
  private static final long serialVersionUID = 1L;

  public BadRequestException(ErrorInfo info) {
    super(info);
  }
}
