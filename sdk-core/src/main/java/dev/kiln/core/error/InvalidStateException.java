package dev.kiln.core.error;

/** {@code INVALID_STATE}: the resource is not in a state that allows this call. */
public class InvalidStateException extends BadRequestException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception for the parsed error reply {@code info}. Kiln's error mapping calls this;
   * callers catch the exception rather than build it.
   */
  public InvalidStateException(ErrorInfo info) {
    super(info);
  }
}
