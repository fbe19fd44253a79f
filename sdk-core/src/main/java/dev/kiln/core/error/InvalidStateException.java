package dev.kiln.core.error;

/** {@code INVALID_STATE}: the resource is not in a state that allows this call. */
public class InvalidStateException extends BadRequestException {
  private static final long serialVersionUID = 1L;

  public InvalidStateException(ErrorInfo info) {
    super(info);
  }
}
