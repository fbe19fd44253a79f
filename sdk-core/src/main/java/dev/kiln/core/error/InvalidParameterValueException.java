package dev.kiln.core.error;

/** {@code INVALID_PARAMETER_VALUE}: a parameter had a value the server does not accept. */
public class InvalidParameterValueException extends BadRequestException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception for the parsed error reply {@code info}. Kiln's error mapping calls this;
   * callers catch the exception rather than build it.
   */
  public InvalidParameterValueException(ErrorInfo info) {
    super(info);
  }
}
