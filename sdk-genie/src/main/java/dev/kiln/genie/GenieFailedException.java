package dev.kiln.genie;

import java.util.Optional;

/** The message ended FAILED; carries Genie's error text and type. */
public class GenieFailedException extends GenieMessageException {
  private static final long serialVersionUID = 1L;

  /** Genie's error text; null when it sent none. */
  private final String error;
  /** The error type as sent; null when it sent none. */
  private final String errorType;

  /**
   * Creates the exception for a message that ended FAILED.
   *
   * @param spaceId the Genie space the message was asked in
   * @param conversationId the conversation holding the message
   * @param messageId the failed message
   * @param error Genie's error text, or {@code null} when it sent none
   * @param errorType the error type as sent (e.g. {@code GENERIC_SQL_EXEC_EXCEPTION}), or
   * {@code     null}
   */
  public GenieFailedException(String spaceId, String conversationId, String messageId, String error, String errorType) {
    super(describe(messageId, error, errorType), spaceId, conversationId, messageId);
    this.error = error;
    this.errorType = errorType;
  }

  /** Genie's error text, when it sent one. */
  public Optional<String> error() {
    return Optional.ofNullable(error);
  }

  /** The error type exactly as sent, e.g. {@code GENERIC_SQL_EXEC_EXCEPTION}. */
  public Optional<String> errorType() {
    return Optional.ofNullable(errorType);
  }

  private static String describe(String messageId, String error, String errorType) {
    StringBuilder s = new StringBuilder("Genie message ").append(messageId).append(" failed");
    if (errorType != null) {
      s.append(" [").append(errorType).append(']');
    }
    if (error != null) {
      s.append(": ").append(error);
    }
    return s.toString();
  }
}
