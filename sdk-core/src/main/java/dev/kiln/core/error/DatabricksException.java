package dev.kiln.core.error;

/**
 * Root of every exception Kiln throws. Unchecked, so callers catch what they can handle:
 * {@link DatabricksServiceException} for answers from the workspace, {@link DatabricksClientException}
 * for problems found before or outside a call (bad input, configuration, I/O).
 */
public class DatabricksException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message that never contains a secret (tokens, presigned URLs). */
  public DatabricksException(String message) {
    super(message);
  }

  /**
   * Creates the exception with a message and the failure that caused it ({@code cause}, may be
   * null).
   */
  public DatabricksException(String message, Throwable cause) {
    super(message, cause);
  }
}
