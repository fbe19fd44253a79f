package dev.kiln.core.error;

/**
 * Missing or malformed configuration: host, credentials, or the profile file; also a class path
 * whose Jackson is older than Kiln supports.
 */
public class ConfigurationException extends DatabricksClientException {
  private static final long serialVersionUID = 1L;

  public ConfigurationException(String message) {
    super(message);
  }

  public ConfigurationException(String message, Throwable cause) {
    super(message, cause);
  }
}
