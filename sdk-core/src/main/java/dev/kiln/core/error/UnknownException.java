package dev.kiln.core.error;

/** {@code UNKNOWN}: the server did not say what went wrong. */
public class UnknownException extends InternalErrorException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception for the parsed error reply {@code info}. Kiln's error mapping calls this;
   * callers catch the exception rather than build it.
   */
  public UnknownException(ErrorInfo info) {
    super(info);
  }
}
