package dev.kiln.core.error;

/** Input that Kiln rejects before sending anything; the message says what to change. */
public class InvalidRequestException extends DatabricksClientException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception; {@code message} names the argument and the rule it broke. */
  public InvalidRequestException(String message) {
    super(message);
  }
}
