package dev.kiln.core.error;

/** HTTP 401 / {@code UNAUTHENTICATED}: the credentials were missing, wrong or expired. */
public class UnauthenticatedException extends DatabricksServiceException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception for the parsed error reply {@code info}. Kiln's error mapping calls this;
   * callers catch the exception rather than build it.
   */
  public UnauthenticatedException(ErrorInfo info) {
    super(info);
  }
}
