package dev.kiln.core.error;

/** {@code DATA_LOSS}: unrecoverable data loss or corruption. */
public class DataLossException extends InternalErrorException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception for the parsed error reply {@code info}. Kiln's error mapping calls this;
   * callers catch the exception rather than build it.
   */
  public DataLossException(ErrorInfo info) {
    super(info);
  }
}
