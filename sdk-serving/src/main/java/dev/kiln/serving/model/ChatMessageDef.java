package dev.kiln.serving.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.kiln.serving.internal.MessageContent;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A chat message: a role and content that is either a string or a list of parts. {@link #content()}
 * gives the text either way; {@link #contentParts()} gives the parts.
 */
@Value.Immutable
@JsonSerialize(as = ChatMessage.class)
@JsonDeserialize(as = ChatMessage.class)
abstract class ChatMessageDef {
  /** Role of instructions that steer the model. */
  public static final String SYSTEM = "system";
  /** Role of the person asking. */
  public static final String USER = "user";
  /** Role of the model's answers. */
  public static final String ASSISTANT = "assistant";
  /** Role of a tool's result sent back to the model, with {@link #toolCallId()}. */
  public static final String TOOL = "tool";

  /** {@code system}, {@code user}, {@code assistant}, {@code tool} (text: the set may grow). */
  @JsonProperty("role")
  public abstract String role();

  /** The content exactly as sent: a JSON string, an array of parts, or absent (tool calls only). */
  @JsonProperty("content")
  public abstract Optional<JsonNode> contentJson();

  /**
   * The tool calls an {@code assistant} message asks for, as sent (OpenAI's {@code tool_calls}
   * array).
   */
  @JsonProperty("tool_calls")
  public abstract Optional<JsonNode> toolCalls();

  /** On a {@code tool} message: the id of the tool call it answers. */
  @JsonProperty("tool_call_id")
  public abstract Optional<String> toolCallId();

  /** A {@code system} message with text content. */
  public static ChatMessage system(String text) {
    return of(SYSTEM, text);
  }

  /** A {@code user} message with text content. */
  public static ChatMessage user(String text) {
    return of(USER, text);
  }

  /**
   * An {@code assistant} message with text content, to replay an earlier answer in a conversation.
   */
  public static ChatMessage assistant(String text) {
    return of(ASSISTANT, text);
  }

  /** A message with any {@code role} (the set may grow) and text content. */
  public static ChatMessage of(String role, String text) {
    return ChatMessage.builder().role(role).contentJson(TextNode.valueOf(text)).build();
  }

  /** A message whose content is a list of parts, e.g. text plus an image. */
  public static ChatMessage of(String role, List<ContentPart> parts) {
    ArrayNode array = JsonNodeFactory.instance.arrayNode();
    parts.forEach(p -> array.add(p.json()));
    return ChatMessage.builder().role(role).contentJson(array).build();
  }

  /** The text: the string content, or the {@code text} parts joined; "" when there is none. */
  public String content() {
    return MessageContent.text(contentJson());
  }

  /** The parts; a string content reads as one text part. */
  public List<ContentPart> contentParts() {
    return MessageContent.parts(contentJson());
  }
}
