package dev.kiln.serving.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.core.Json;
import dev.kiln.core.error.DatabricksClientException;
import dev.kiln.serving.model.ChatCompletionChunk;

/** Turns the events of one chat stream into chunks, the end marker, or the typed error they report. */
public final class ChatStreamDecoder {
  static final String DONE = "[DONE]";

  private final int status;
  private final String requestId;

  /** {@code status} and {@code requestId} of the reply, for errors reported mid-stream. */
  public ChatStreamDecoder(int status, String requestId) {
    this.status = status;
    this.requestId = requestId;
  }

  /** Whether the event is the OpenAI-style {@code data: [DONE]} end marker. */
  public boolean isEnd(SseEvent event) {
    return "message".equals(event.type()) && DONE.equals(event.data().strip());
  }

  /**
   * The chunk an event carries, or null for events without one (other event types, empty data);
   * throws the typed exception for an {@code error} event or an error payload.
   */
  public ChatCompletionChunk decode(SseEvent event) {
    if ("error".equals(event.type())) {
      throw StreamErrors.fromErrorEvent(event.data(), status, requestId);
    }
    if (!"message".equals(event.type()) || event.data().isBlank()) {
      return null;
    }
    JsonNode payload;
    try {
      payload = Json.mapper().readTree(event.data());
    } catch (JsonProcessingException e) {
      throw new DatabricksClientException("an event of the chat stream is not JSON: " + preview(event.data()), e);
    }
    if (StreamErrors.isErrorReport(payload)) {
      throw StreamErrors.fromPayload(payload, status, requestId);
    }
    try {
      return Json.mapper().treeToValue(payload, ChatCompletionChunk.class);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new DatabricksClientException("cannot read a chat stream chunk: " + e.getMessage(), e);
    }
  }

  private static String preview(String data) {
    return data.length() > 200 ? data.substring(0, 200) + "…" : data;
  }
}
