package dev.kiln.core.error;

/** {@code INVALID_PARAMETER_VALUE}: a parameter had a value the server does not accept. */
public class InvalidParameterValueException extends BadRequestException {
  private static final long serialVersionUID = 1L;

  public InvalidParameterValueException(ErrorInfo info) {
    super(info);
  }
}
