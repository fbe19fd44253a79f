package dev.kiln.core.error;

/** {@code DATA_LOSS}: unrecoverable data loss or corruption. */
public class DataLossException extends InternalErrorException {
  private static final long serialVersionUID = 1L;

  public DataLossException(ErrorInfo info) {
    super(info);
  }
}
