package dev.kiln.core.error;

/** HTTP 499: the server cancelled the request. */
public class CancelledException extends DatabricksServiceException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception for the parsed error reply {@code info}. Kiln's error mapping calls this;
   * callers catch the exception rather than build it.
   */
  public CancelledException(ErrorInfo info) {
    super(info);
  }
}
