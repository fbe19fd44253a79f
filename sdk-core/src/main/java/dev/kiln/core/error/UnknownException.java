package dev.kiln.core.error;

/** {@code UNKNOWN}: the server did not say what went wrong. */
public class UnknownException extends InternalErrorException {
  private static final long serialVersionUID = 1L;

  public UnknownException(ErrorInfo info) {
    super(info);
  }
}
