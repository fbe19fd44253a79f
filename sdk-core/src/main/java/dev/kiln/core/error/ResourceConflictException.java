package dev.kiln.core.error;

/** HTTP 409: the request conflicts with the resource's current state. */
public class ResourceConflictException extends DatabricksServiceException {
  private static final long serialVersionUID = 1L;

  public ResourceConflictException(ErrorInfo info) {
    super(info);
  }
}
