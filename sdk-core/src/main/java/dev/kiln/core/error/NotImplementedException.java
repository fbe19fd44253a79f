package dev.kiln.core.error;

/** HTTP 501: the server does not implement this call. */
public class NotImplementedException extends DatabricksServiceException {
  private static final long serialVersionUID = 1L;

  public NotImplementedException(ErrorInfo info) {
    super(info);
  }
}
