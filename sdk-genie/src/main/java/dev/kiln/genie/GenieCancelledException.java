package dev.kiln.genie;

/** The message ended CANCELLED (cancelled in the Genie UI or by the service). */
public class GenieCancelledException extends GenieMessageException {
  private static final long serialVersionUID = 1L;

  public GenieCancelledException(String spaceId, String conversationId, String messageId) {
    super("Genie message " + messageId + " was cancelled", spaceId, conversationId, messageId);
  }
}
