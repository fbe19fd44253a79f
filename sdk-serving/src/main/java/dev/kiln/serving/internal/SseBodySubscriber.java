package dev.kiln.serving.internal;

import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Parses an event stream as it arrives, without a thread waiting on it: each received buffer is
 * parsed on {@code executor} (never on the HTTP client's selector thread, since listeners may be
 * slow) and the next buffer is requested only afterwards, so events reach the listener one at a
 * time, in order. The body completes when the stream ends, when the listener says stop, or with
 * the first exception the listener throws.
 */
public final class SseBodySubscriber implements HttpResponse.BodySubscriber<Void> {
  /** Receives each event; returns false to stop reading (the connection is then released). */
  @FunctionalInterface
  public interface Listener {
    boolean onEvent(SseEvent event);
  }

  private final Listener listener;
  private final Executor executor;
  private final CompletableFuture<Void> body = new CompletableFuture<>();
  private final ArrayDeque<SseEvent> ready = new ArrayDeque<>();
  private final SseParser parser = new SseParser(ready::add);
  private final AtomicReference<Flow.Subscription> subscription = new AtomicReference<>();
  /** Signals arrive one after another, so chaining them on the last keeps them ordered across threads. */
  private CompletableFuture<Void> tail = CompletableFuture.completedFuture(null);

  public SseBodySubscriber(Listener listener, Executor executor) {
    this.listener = listener;
    this.executor = executor;
  }

  @Override
  public CompletionStage<Void> getBody() {
    return body;
  }

  @Override
  public void onSubscribe(Flow.Subscription s) {
    if (!subscription.compareAndSet(null, s) || body.isDone()) {
      s.cancel();
      return;
    }
    s.request(1);
  }

  @Override
  public void onNext(List<ByteBuffer> buffers) {
    then(() -> {
      for (ByteBuffer b : buffers) {
        parser.feed(b);
      }
      while (!ready.isEmpty()) {
        if (!listener.onEvent(ready.poll())) {
          stop(null);
          return;
        }
      }
      subscription.get().request(1);
    });
  }

  @Override
  public void onError(Throwable error) {
    then(() -> body.completeExceptionally(error));
  }

  @Override
  public void onComplete() {
    then(() -> {
      parser.finish();
      body.complete(null);
    });
  }

  /** Stops reading and releases the connection (the body completes with a cancellation). */
  public void cancel() {
    stop(new CancellationException("event stream cancelled"));
  }

  private void then(Runnable step) {
    tail = tail.thenRunAsync(() -> {
      if (body.isDone()) {
        return;
      }
      try {
        step.run();
      } catch (Throwable t) {
        stop(t);
      }
    }, executor).exceptionally(t -> {
      stop(t); // the executor rejected the step
      return null;
    });
  }

  private void stop(Throwable error) {
    Flow.Subscription s = subscription.getAndSet(CANCELLED);
    if (s != null && s != CANCELLED) {
      s.cancel();
    }
    if (error == null) {
      body.complete(null);
    } else {
      body.completeExceptionally(error);
    }
  }

  private static final Flow.Subscription CANCELLED = new Flow.Subscription() {
    @Override
    public void request(long n) {}

    @Override
    public void cancel() {}
  };
}
