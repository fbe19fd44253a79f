package dev.kiln.core.error;

/** {@code RESOURCE_DOES_NOT_EXIST}: the named resource does not exist. */
public class ResourceDoesNotExistException extends NotFoundException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception for the parsed error reply {@code info}. Kiln's error mapping calls this;
   * callers catch the exception rather than build it.
   */
  public ResourceDoesNotExistException(ErrorInfo info) {
    super(info);
  }
}
