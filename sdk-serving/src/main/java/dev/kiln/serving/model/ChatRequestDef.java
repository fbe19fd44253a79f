package dev.kiln.serving.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.kiln.core.error.InvalidRequestException;
import java.util.List;
import org.immutables.value.Value;

/**
 * A chat request to a foundation or external model endpoint:
 * {@code ChatRequest.builder().addMessages(ChatMessage.user("Hello")).maxTokens(100).build()}.
 * Streaming is chosen by calling {@code chatStream}, not by a field. The generation settings
 * ({@code max_tokens}, {@code temperature}, ...) are those of {@link GenerationParams}.
 */
@Value.Immutable
@JsonPropertyOrder({"messages"}) // inherited attributes would otherwise come first
@JsonSerialize(as = ChatRequest.class)
@JsonDeserialize(as = ChatRequest.class)
abstract class ChatRequestDef implements GenerationParams {
  /** The conversation so far, oldest first; at least one message. */
  @JsonProperty("messages")
  public abstract List<ChatMessage> messages();

  /**
   * Rejects a request the server would refuse, when it is built.
   *
   * @throws dev.kiln.core.error.InvalidRequestException without messages, or with
   * {@code     max_tokens} or {@code n} below 1 or a negative temperature
   */
  @Value.Check
  protected void check() {
    if (messages().isEmpty()) {
      throw new InvalidRequestException("a chat request needs at least one message: call addMessages(ChatMessage.user(...))");
    }
    GenerationLimits.check(this);
  }
}
