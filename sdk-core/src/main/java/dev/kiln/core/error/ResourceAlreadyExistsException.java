package dev.kiln.core.error;

/** {@code RESOURCE_ALREADY_EXISTS} or {@code ALREADY_EXISTS}: something with that name exists. */
public class ResourceAlreadyExistsException extends ResourceConflictException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception for the parsed error reply {@code info}. Kiln's error mapping calls this;
   * callers catch the exception rather than build it.
   */
  public ResourceAlreadyExistsException(ErrorInfo info) {
    super(info);
  }
}
