package dev.kiln.execution.internal;

import dev.kiln.core.Futures;
import java.util.concurrent.CompletableFuture;

/**
 * An operation made of async steps (get cluster, start it, wait, create a context...). Cancelling
 * {@link #result()} cancels the step in flight, which a plain {@code thenCompose} chain would not.
 */
public final class CancellableSteps<T> {
  private final CompletableFuture<T> result = new CompletableFuture<>();
  private volatile CompletableFuture<?> current;

  public CancellableSteps() {
    result.whenComplete((v, e) -> {
      CompletableFuture<?> step = current;
      if (result.isCancelled() && step != null) {
        step.cancel(true);
      }
    });
  }

  public CompletableFuture<T> result() {
    return result;
  }

  /** Makes {@code step} the one to cancel; cancels it at once if the result already was. */
  public <U> CompletableFuture<U> track(CompletableFuture<U> step) {
    current = step;
    if (result.isCancelled()) {
      step.cancel(true);
    }
    return step;
  }

  public boolean isDone() {
    return result.isDone();
  }

  /** Returns false when the result was already completed or cancelled. */
  public boolean complete(T value) {
    return result.complete(value);
  }

  public void fail(Throwable error) {
    result.completeExceptionally(Futures.unwrap(error));
  }
}
