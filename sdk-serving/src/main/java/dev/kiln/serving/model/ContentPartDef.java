package dev.kiln.serving.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One part of a chat message's content ({@code {"type": "text", "text": "..."}}, an image, a
 * reasoning summary, ...), kept whole as JSON with accessors for the common fields.
 */
@Value.Immutable
abstract class ContentPartDef {
  /** The part exactly as sent, including fields this SDK does not model. */
  @Value.Parameter
  public abstract JsonNode json();

  /** A {@code text} part: {@code {"type": "text", "text": text}}. */
  public static ContentPart ofText(String text) {
    return ContentPart.of(JsonNodeFactory.instance.objectNode().put("type", "text").put("text", text));
  }

  /** e.g. {@code text}, {@code image_url}, {@code reasoning}; "" when absent. */
  public String type() {
    return json().path("type").asText("");
  }

  /** The {@code text} field, when the part has one. */
  public Optional<String> text() {
    JsonNode t = json().get("text");
    return t != null && t.isTextual() ? Optional.of(t.textValue()) : Optional.empty();
  }
}
