package dev.kiln.emulator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns a complete {@code chat.completion} or {@code text_completion} reply into the server-sent events a
 * {@code "stream": true} request gets: one chunk per word ({@code data: {"object": "chat.completion.chunk",
 * "choices": [{"index": 0, "delta": {"content": "word "}, "finish_reason": null}]}}), a last chunk with the
 * reply's {@code finish_reason} and {@code usage}, then {@code data: [DONE]}.
 */
final class ServingStream {
  private ServingStream() {}

  /** The SSE body, or empty when the reply is not a chat or completions reply (it cannot be streamed). */
  static Optional<byte[]> of(JsonNode reply) {
    String object = reply.path("object").asText();
    boolean chat = object.equals("chat.completion");
    if (!chat && !object.equals("text_completion")) {
      return Optional.empty();
    }
    StringBuilder events = new StringBuilder();
    for (JsonNode choice : reply.path("choices")) {
      String text = chat ? choice.path("message").path("content").asText("") : choice.path("text").asText("");
      int index = choice.path("index").asInt();
      boolean first = true;
      for (String word : words(text)) {
        ObjectNode chunk = chunk(reply, chat);
        ObjectNode piece = chunk.putArray("choices").addObject().put("index", index);
        if (chat) {
          ObjectNode delta = piece.putObject("delta");
          if (first) {
            delta.put("role", "assistant");
          }
          delta.put("content", word);
        } else {
          piece.put("text", word);
        }
        piece.putNull("finish_reason");
        event(events, chunk);
        first = false;
      }
      ObjectNode last = chunk(reply, chat);
      ObjectNode piece = last.putArray("choices").addObject().put("index", index);
      if (chat) {
        piece.putObject("delta");
      } else {
        piece.put("text", "");
      }
      piece.put("finish_reason", choice.path("finish_reason").asText("stop"));
      if (reply.has("usage")) {
        last.set("usage", reply.get("usage"));
      }
      event(events, last);
    }
    events.append("data: [DONE]\n\n");
    return Optional.of(events.toString().getBytes(StandardCharsets.UTF_8));
  }

  private static ObjectNode chunk(JsonNode reply, boolean chat) {
    ObjectNode chunk = Json.object();
    if (reply.has("id")) {
      chunk.set("id", reply.get("id"));
    }
    chunk.put("object", chat ? "chat.completion.chunk" : "text_completion");
    if (reply.has("created")) {
      chunk.set("created", reply.get("created"));
    }
    if (reply.has("model")) {
      chunk.set("model", reply.get("model"));
    }
    return chunk;
  }

  private static void event(StringBuilder events, JsonNode data) {
    events.append("data: ").append(Json.text(data)).append("\n\n");
  }

  /** "a b  c" → "a ", "b  ", "c": each word keeps the whitespace after it, so the pieces join back. */
  private static List<String> words(String text) {
    List<String> words = new ArrayList<>();
    int start = 0;
    int i = 0;
    while (i < text.length()) {
      while (i < text.length() && !Character.isWhitespace(text.charAt(i))) {
        i++;
      }
      while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
        i++;
      }
      words.add(text.substring(start, i));
      start = i;
    }
    return words;
  }
}
