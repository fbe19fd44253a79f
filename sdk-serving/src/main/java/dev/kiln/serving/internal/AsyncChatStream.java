package dev.kiln.serving.internal;

import dev.kiln.core.ApiRequest;
import dev.kiln.core.ApiResponse;
import dev.kiln.core.DatabricksClient;
import dev.kiln.core.Futures;
import dev.kiln.core.error.DatabricksClientException;
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
  private final DatabricksClient db;
  private final Consumer<? super ChatCompletionChunk> onChunk;
  private final CompletableFuture<Void> result = new CompletableFuture<>();
  private final AtomicReference<SseBodySubscriber> subscriber = new AtomicReference<>();
  private final AtomicReference<RuntimeException> consumerFailure = new AtomicReference<>();

  private AsyncChatStream(DatabricksClient db, Consumer<? super ChatCompletionChunk> onChunk) {
    this.db = db;
    this.onChunk = onChunk;
  }

  static CompletableFuture<Void> start(DatabricksClient db, ApiRequest request, Consumer<? super ChatCompletionChunk> onChunk) {
    AsyncChatStream stream = new AsyncChatStream(db, onChunk);
    stream.follow(db.sendAsync(request, stream::bodySubscriber));
    return stream.result;
  }

  private void follow(CompletableFuture<ApiResponse<Void>> call) {
    DatabricksClient.Registration registration;
    try {
      registration = db.onClose(() -> result.completeExceptionally(
          new DatabricksClientException("the DatabricksClient was closed while a chat stream was being read")));
    } catch (RuntimeException closedMeanwhile) {
      call.cancel(true);
      throw closedMeanwhile;
    }
    call.whenComplete((r, e) -> {
      if (e == null) {
        result.complete(null);
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

  private HttpResponse.BodySubscriber<Void> bodySubscriber(HttpResponse.ResponseInfo info) {
    String requestId = ApiResponse.requestIdOf(info.headers()).orElse(null);
    if (!ChatStreams.isEventStream(info.headers())) {
      return HttpResponse.BodySubscribers.mapping(HttpResponse.BodySubscribers.ofByteArray(), bytes -> {
        throw StreamErrors.notAnEventStream(bytes, ChatStreams.contentType(info.headers()), info.statusCode(), requestId);
      });
    }
    ChatStreamDecoder decoder = new ChatStreamDecoder(info.statusCode(), requestId);
    SseBodySubscriber s = new SseBodySubscriber(event -> {
      if (decoder.isEnd(event)) {
        return false;
      }
      ChatCompletionChunk chunk = decoder.decode(event);
      if (chunk != null) {
        deliver(chunk);
      }
      return true;
    }, db.executor());
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
