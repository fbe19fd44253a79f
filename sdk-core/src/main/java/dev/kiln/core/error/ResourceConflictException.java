package dev.kiln.core.error;

/** HTTP 409: the request conflicts with the resource's current state. */
public class ResourceConflictException extends DatabricksServiceException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception for the parsed error reply {@code info}. Kiln's error mapping calls this;
   * callers catch the exception rather than build it.
   */
  public ResourceConflictException(ErrorInfo info) {
    super(info);
  }
}
