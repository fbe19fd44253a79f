package dev.kiln.serving.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.core.ApiRequest;
import dev.kiln.core.ApiResponse;
import dev.kiln.core.BodyReader;
import dev.kiln.core.DatabricksClient;
import dev.kiln.core.error.DatabricksClientException;
import dev.kiln.core.error.DatabricksException;
import dev.kiln.core.spi.Calls;
import dev.kiln.core.spi.ErrorBodies;
import dev.kiln.serving.model.ChatCompletionChunk;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/** Sends a streaming chat request and delivers its chunks, blocking (a Stream) or asynchronously. */
public final class ChatStreams {
  /** Largest non-stream reply read to explain why no stream came. */
  private static final int MAX_UNEXPECTED_BODY = 64 * 1024;

  private ChatStreams() {}

  /** A lazily read Stream of chunks; the caller must close it (closing early drops the connection). */
  public static Stream<ChatCompletionChunk> open(DatabricksClient db, ApiRequest request, String description) {
    // The wait for the first byte can be long (the model's time to first token). Through sendAsync
    // it is tracked by the client, so close() ends it with ClientClosedException and an interrupt
    // cancels it; a plain blocking send waiting for headers is not ended by close() on JDK 17.
    ApiResponse<InputStream> response = Calls.join(db.sendAsync(request, BodyReader.inputStream()));
    InputStream body = response.body();
    String requestId = response.requestId().orElse(null);
    try {
      if (!isEventStream(response.headers())) {
        byte[] bytes = body.readNBytes(MAX_UNEXPECTED_BODY);
        throw notAnEventStream(bytes, contentType(response.headers()), response.statusCode(), requestId);
      }
      ChatChunkIterator chunks = new ChatChunkIterator(new SseEventReader(body),
          new ChatStreamDecoder(response.statusCode(), requestId, description), description);
      chunks.closeWith(db);
      return StreamSupport.stream(Spliterators.spliteratorUnknownSize(chunks, Spliterator.ORDERED | Spliterator.NONNULL), false)
          .onClose(chunks::close);
    } catch (IOException e) {
      closeQuietly(body);
      throw new DatabricksClientException("cannot read the reply of " + description + ": " + e, e);
    } catch (RuntimeException e) {
      closeQuietly(body);
      throw e;
    }
  }

  /**
   * Streams chunks to {@code onChunk} as they arrive, on the client's executor, one at a time; no
   * thread waits between chunks. The future completes at {@code [DONE]} or end of stream, or with the
   * typed error. Cancelling it, or closing the client, stops the stream and drops the connection.
   */
  public static CompletableFuture<Void> consume(DatabricksClient db, ApiRequest request, String description,
      Consumer<? super ChatCompletionChunk> onChunk) {
    return AsyncChatStream.start(db, request, description, onChunk);
  }

  /** A 2xx reply that is not an event stream: the error it reports, or a plain explanation. */
  static DatabricksException notAnEventStream(byte[] body, String contentType, int status, String requestId) {
    JsonNode payload = ErrorBodies.tryParse(new String(body, StandardCharsets.UTF_8));
    if (payload != null && ErrorBodies.isErrorReport(payload)) {
      return ErrorBodies.fromPayload(payload, status, requestId);
    }
    return new DatabricksClientException("expected a text/event-stream reply but got " + contentType
        + " (HTTP " + status + (requestId == null ? "" : ", request id " + requestId)
        + "); this endpoint may not support streaming: use chat(...) instead");
  }

  /** A missing Content-Type is read as an event stream; anything else is explained, not parsed. */
  static boolean isEventStream(HttpHeaders headers) {
    String type = contentType(headers);
    return type.isEmpty() || type.toLowerCase(Locale.ROOT).startsWith("text/event-stream");
  }

  static String contentType(HttpHeaders headers) {
    return headers.firstValue("Content-Type").orElse("").strip();
  }

  private static void closeQuietly(InputStream in) {
    try {
      in.close();
    } catch (IOException ignored) {
      // nothing more to release
    }
  }
}
