package dev.kiln.serving.internal;

import dev.kiln.core.ApiRequest;
import dev.kiln.core.ApiResponse;
import dev.kiln.core.DatabricksClient;
import dev.kiln.core.error.ClientClosedException;
import dev.kiln.core.spi.ClientInternals;
import dev.kiln.core.spi.Futures;
import dev.kiln.serving.model.ChatCompletionChunk;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * One chat stream read without a waiting thread: chunks go to the consumer as they are parsed; the
 * result completes at the end of the stream or with the first error. Stopping early (the caller
 * cancels, the client closes) cancels the body subscription, which drops the connection.
 */
final class AsyncChatStream {
  private final ClientInternals internals;
  private final String description;
  private final Consumer<? super ChatCompletionChunk> onChunk;
  private final CompletableFuture<Void> result = new CompletableFuture<>();
  private final AtomicReference<SseBodySubscriber> subscriber = new AtomicReference<>();
  private final AtomicReference<ChatStreamDecoder> decoder = new AtomicReference<>();
  private final AtomicReference<RuntimeException> consumerFailure = new AtomicReference<>();

  private AsyncChatStream(DatabricksClient db, String description, Consumer<? super ChatCompletionChunk> onChunk) {
    this.internals = ClientInternals.of(db);
    this.description = description;
    this.onChunk = onChunk;
  }

  static CompletableFuture<Void> start(DatabricksClient db, ApiRequest request, String description,
      Consumer<? super ChatCompletionChunk> onChunk) {
    AsyncChatStream stream = new AsyncChatStream(db, description, onChunk);
    stream.follow(db.sendAsync(request, stream::bodySubscriber));
    return stream.result;
  }

  private void follow(CompletableFuture<ApiResponse<Void>> call) {
    ClientInternals.Registration registration;
    try {
      registration = internals.onClose(() -> result.completeExceptionally(
          new ClientClosedException("the DatabricksClient was closed while " + description + " was being read")));
    } catch (RuntimeException closedMeanwhile) {
      call.cancel(true);
      throw closedMeanwhile;
    }
    call.whenComplete((r, e) -> {
      if (e == null) {
        finish();
      } else {
        RuntimeException fromConsumer = consumerFailure.get(); // handed back as thrown, not as a transport failure
        result.completeExceptionally(fromConsumer != null ? fromConsumer : Futures.unwrap(e));
      }
    });
    result.whenComplete((v, e) -> {
      registration.close();
      if (!call.isDone()) {
        stopReading();
        call.cancel(true);
      }
    });
  }

  /** The body ended: at {@code [DONE]}, after a finish_reason, or cut short (an incomplete answer). */
  private void finish() {
    try {
      ChatStreamDecoder d = decoder.get();
      if (d != null) {
        d.endOfBody();
      }
      result.complete(null);
    } catch (RuntimeException incomplete) {
      result.completeExceptionally(incomplete);
    }
  }

  private HttpResponse.BodySubscriber<Void> bodySubscriber(HttpResponse.ResponseInfo info) {
    String requestId = ApiResponse.requestIdOf(info.headers()).orElse(null);
    if (!ChatStreams.isEventStream(info.headers())) {
      return HttpResponse.BodySubscribers.mapping(HttpResponse.BodySubscribers.ofByteArray(), bytes -> {
        throw ChatStreams.notAnEventStream(bytes, ChatStreams.contentType(info.headers()), info.statusCode(), requestId);
      });
    }
    ChatStreamDecoder d = new ChatStreamDecoder(info.statusCode(), requestId, description);
    decoder.set(d);
    SseBodySubscriber s = new SseBodySubscriber(event -> {
      if (d.isEnd(event)) {
        return false;
      }
      ChatCompletionChunk chunk = d.decode(event);
      if (chunk != null) {
        deliver(chunk);
      }
      return true;
    }, internals.executor());
    subscriber.set(s);
    if (result.isDone()) { // stopped before the headers came: read nothing
      stopReading();
    }
    return s;
  }

  private void deliver(ChatCompletionChunk chunk) {
    try {
      onChunk.accept(chunk);
    } catch (RuntimeException e) {
      consumerFailure.set(e);
      throw e;
    }
  }

  private void stopReading() {
    SseBodySubscriber s = subscriber.get();
    if (s != null) {
      s.cancel();
    }
  }
}
