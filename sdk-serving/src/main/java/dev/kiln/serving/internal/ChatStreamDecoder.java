package dev.kiln.serving.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.core.Json;
import dev.kiln.core.error.DatabricksClientException;
import dev.kiln.core.spi.ErrorBodies;
import dev.kiln.serving.IncompleteStreamException;
import dev.kiln.serving.model.ChatCompletionChunk;
import dev.kiln.serving.model.ChunkChoice;

/**
 * Turns the events of one chat stream into chunks, the end marker, or the typed error they report,
 * and tells at the end of the body whether the answer was complete. Used from one thread at a time.
 */
public final class ChatStreamDecoder {
  static final String DONE = "[DONE]";

  private final int status;
  private final String requestId;
  private final String description;
  private int chunks;
  private boolean done;
  private boolean finished;

  /** {@code status} and {@code requestId} of the reply, for errors reported mid-stream. */
  public ChatStreamDecoder(int status, String requestId, String description) {
    this.status = status;
    this.requestId = requestId;
    this.description = description;
  }

  /** Whether the event is the OpenAI-style {@code data: [DONE]} end marker. */
  public boolean isEnd(SseEvent event) {
    if ("message".equals(event.type()) && DONE.equals(event.data().strip())) {
      done = true;
      return true;
    }
    return false;
  }

  /**
   * The chunk an event carries, or null for events without one (other event types, empty data);
   * throws the typed exception for an {@code error} event or an error payload.
   */
  public ChatCompletionChunk decode(SseEvent event) {
    if ("error".equals(event.type())) {
      throw ErrorBodies.fromText(event.data(), status, requestId);
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
    if (ErrorBodies.isErrorReport(payload)) {
      throw ErrorBodies.fromPayload(payload, status, requestId);
    }
    ChatCompletionChunk chunk;
    try {
      chunk = Json.mapper().treeToValue(payload, ChatCompletionChunk.class);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new DatabricksClientException("cannot read a chat stream chunk: " + e.getMessage(), e);
    }
    chunks++;
    if (chunk.choices().stream().map(ChunkChoice::finishReason).anyMatch(java.util.Optional::isPresent)) {
      finished = true;
    }
    return chunk;
  }

  /**
   * Called when the body ended on its own: a body cut before {@code [DONE]} and before any
   * {@code finish_reason} is an incomplete answer, not a success.
   */
  public void endOfBody() {
    if (!done && !finished) {
      throw new IncompleteStreamException(description + " ended after " + chunks + " chunk(s), before [DONE] and "
          + "before any finish_reason: the answer is incomplete"
          + (requestId == null ? "" : " (request id " + requestId + ")"), chunks);
    }
  }

  private static String preview(String data) {
    return data.length() > 200 ? data.substring(0, 200) + "…" : data;
  }
}
