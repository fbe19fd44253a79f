package dev.kiln.core.error;

/**
 * Root of every exception Kiln throws. Unchecked, so callers catch what they can handle:
 * {@link DatabricksServiceException} for answers from the workspace, {@link DatabricksClientException}
 * for problems found before or outside a call (bad input, configuration, I/O).
 */
public class DatabricksException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public DatabricksException(String message) {
    super(message);
  }

  public DatabricksException(String message, Throwable cause) {
    super(message, cause);
  }
}
