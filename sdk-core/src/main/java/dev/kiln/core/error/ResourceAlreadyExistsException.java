package dev.kiln.core.error;

/** {@code RESOURCE_ALREADY_EXISTS} or {@code ALREADY_EXISTS}: something with that name exists. */
public class ResourceAlreadyExistsException extends ResourceConflictException {
  private static final long serialVersionUID = 1L;

  public ResourceAlreadyExistsException(ErrorInfo info) {
    super(info);
  }
}
