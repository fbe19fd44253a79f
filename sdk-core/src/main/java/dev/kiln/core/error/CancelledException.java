package dev.kiln.core.error;

/** HTTP 499: the server cancelled the request. */
public class CancelledException extends DatabricksServiceException {
  private static final long serialVersionUID = 1L;

  public CancelledException(ErrorInfo info) {
    super(info);
  }
}
