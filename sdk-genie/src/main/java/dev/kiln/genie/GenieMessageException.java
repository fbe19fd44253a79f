package dev.kiln.genie;

import dev.kiln.core.error.OperationFailedException;

/** A Genie message ended without an answer; says which message. */
public abstract class GenieMessageException extends OperationFailedException {
  private static final long serialVersionUID = 1L;

  private final String spaceId;
  private final String conversationId;
  private final String messageId;

  protected GenieMessageException(String message, String spaceId, String conversationId, String messageId) {
    super(message, messageId);
    this.spaceId = spaceId;
    this.conversationId = conversationId;
    this.messageId = messageId;
  }

  public String spaceId() {
    return spaceId;
  }

  public String conversationId() {
    return conversationId;
  }

  public String messageId() {
    return messageId;
  }
}
