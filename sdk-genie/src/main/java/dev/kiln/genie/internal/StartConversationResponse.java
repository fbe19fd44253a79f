package dev.kiln.genie.internal;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.kiln.genie.model.GenieMessage;
import java.util.Optional;

/** {@code {conversation_id, message_id, conversation, message}}; only the ids are guaranteed. */
public final class StartConversationResponse {
  private final String conversationId;
  private final String messageId;
  private final GenieMessage message;

  @JsonCreator
  StartConversationResponse(
      @JsonProperty("conversation_id") String conversationId,
      @JsonProperty("message_id") String messageId,
      @JsonProperty("message") GenieMessage message) {
    this.conversationId = conversationId;
    this.messageId = messageId;
    this.message = message;
  }

  public String conversationId() {
    return conversationId != null ? conversationId : message().map(GenieMessage::conversationId).orElse(null);
  }

  public String messageId() {
    return messageId != null ? messageId : message().map(GenieMessage::messageId).orElse(null);
  }

  /** The new message in its first status, when the server included it. */
  public Optional<GenieMessage> message() {
    return Optional.ofNullable(message);
  }
}
