package dev.kiln.genie;

/** The message ended CANCELLED (cancelled in the Genie UI or by the service). */
public class GenieCancelledException extends GenieMessageException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception for a message that ended CANCELLED.
   *
   * @param spaceId the Genie space the message was asked in
   * @param conversationId the conversation holding the message
   * @param messageId the cancelled message
   */
  public GenieCancelledException(String spaceId, String conversationId, String messageId) {
    super("Genie message " + messageId + " was cancelled", spaceId, conversationId, messageId);
  }
}
