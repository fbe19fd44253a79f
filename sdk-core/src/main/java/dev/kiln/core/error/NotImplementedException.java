package dev.kiln.core.error;

/** HTTP 501: the server does not implement this call. */
public class NotImplementedException extends DatabricksServiceException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception for the parsed error reply {@code info}. Kiln's error mapping calls this;
   * callers catch the exception rather than build it.
   */
  public NotImplementedException(ErrorInfo info) {
    super(info);
  }
}
