package dev.kiln.serving.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.kiln.serving.internal.MessageContent;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** The piece of a message one streamed chunk adds; the role usually comes only in the first. */
@Value.Immutable
@JsonSerialize(as = ChatDelta.class)
@JsonDeserialize(as = ChatDelta.class)
abstract class ChatDeltaDef {
  /** The role of the message being streamed; usually sent on the first chunk only. */
  @JsonProperty("role")
  public abstract Optional<String> role();

  /** As sent: a string, an array of parts, or absent. */
  @JsonProperty("content")
  public abstract Optional<JsonNode> contentJson();

  /**
   * Pieces of tool calls the model is making, as sent (OpenAI's {@code tool_calls} delta format).
   */
  @JsonProperty("tool_calls")
  public abstract Optional<JsonNode> toolCalls();

  /** The text this chunk adds ("" when none). */
  public String content() {
    return MessageContent.text(contentJson());
  }

  /**
   * The parts this chunk adds; a string content reads as one text part, none when there is no
   * content.
   */
  public List<ContentPart> contentParts() {
    return MessageContent.parts(contentJson());
  }
}
