package dev.kiln.core.error;

/** {@code RESOURCE_DOES_NOT_EXIST}: the named resource does not exist. */
public class ResourceDoesNotExistException extends NotFoundException {
  private static final long serialVersionUID = 1L;

  public ResourceDoesNotExistException(ErrorInfo info) {
    super(info);
  }
}
