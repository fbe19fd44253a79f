package dev.kiln.core.error;

/**
 * Missing or malformed configuration: host, credentials, or the profile file; also a class path
 * whose Jackson is older than Kiln supports.
 */
public class ConfigurationException extends DatabricksClientException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception; {@code message} names the setting and where it was read from. */
  public ConfigurationException(String message) {
    super(message);
  }

  /**
   * Creates the exception with the failure behind it, e.g. an {@code IOException} reading the
   * profile file.
   */
  public ConfigurationException(String message, Throwable cause) {
    super(message, cause);
  }
}
