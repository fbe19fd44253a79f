package dev.kiln.core.error;

/** HTTP 401 / {@code UNAUTHENTICATED}: the credentials were missing, wrong or expired. */
public class UnauthenticatedException extends DatabricksServiceException {
  private static final long serialVersionUID = 1L;

  public UnauthenticatedException(ErrorInfo info) {
    super(info);
  }
}
