package dev.kiln.genie;

import dev.kiln.core.error.OperationFailedException;

/** A Genie message ended without an answer; says which message. */
public abstract class GenieMessageException extends OperationFailedException {
  private static final long serialVersionUID = 1L;

  /** The space the message was asked in. */
  private final String spaceId;
  /** The conversation holding the message. */
  private final String conversationId;
  /** The message that ended without an answer. */
  private final String messageId;

  /**
   * Creates the exception for one message; the message id doubles as the operation id.
   *
   * @param message the exception text
   * @param spaceId the Genie space the message was asked in
   * @param conversationId the conversation holding the message
   * @param messageId the message that ended without an answer
   */
  protected GenieMessageException(String message, String spaceId, String conversationId, String messageId) {
    super(message, messageId);
    this.spaceId = spaceId;
    this.conversationId = conversationId;
    this.messageId = messageId;
  }

  /** The Genie space the message was asked in. */
  public String spaceId() {
    return spaceId;
  }

  /** The conversation holding the message. */
  public String conversationId() {
    return conversationId;
  }

  /** The message that ended without an answer; also the exception's operation id. */
  public String messageId() {
    return messageId;
  }
}
