package dev.kiln.serving.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.serving.model.ContentPart;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Reads a chat message's {@code content}, which is a string, an array of parts
 * ({@code {"type": "text", "text": ...}}, {@code {"type": "reasoning", ...}}, ...) or absent.
 */
public final class MessageContent {
  private MessageContent() {}

  /** The text: the string itself, or the {@code text} parts joined; "" when there is none. */
  public static String text(Optional<JsonNode> content) {
    if (content.isEmpty() || content.get().isNull()) {
      return "";
    }
    JsonNode c = content.get();
    if (c.isTextual()) {
      return c.textValue();
    }
    StringBuilder sb = new StringBuilder();
    if (c.isArray()) {
      for (JsonNode part : c) {
        if ("text".equals(part.path("type").asText()) && part.path("text").isTextual()) {
          sb.append(part.get("text").textValue());
        }
      }
    }
    return sb.toString();
  }

  /** Every part; a plain string reads as one text part. */
  public static List<ContentPart> parts(Optional<JsonNode> content) {
    if (content.isEmpty() || content.get().isNull()) {
      return List.of();
    }
    JsonNode c = content.get();
    if (c.isTextual()) {
      return List.of(ContentPart.ofText(c.textValue()));
    }
    List<ContentPart> parts = new ArrayList<>();
    if (c.isArray()) {
      c.forEach(p -> parts.add(ContentPart.of(p)));
    }
    return Collections.unmodifiableList(parts);
  }
}
