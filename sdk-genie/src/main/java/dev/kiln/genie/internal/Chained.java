package dev.kiln.genie.internal;

import dev.kiln.core.Futures;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * {@code thenCompose} that passes cancellation on: cancelling the returned future also cancels the
 * step that is running (the plain {@code thenCompose} would leave a poller going).
 */
public final class Chained {
  private Chained() {}

  public static <A, B> CompletableFuture<B> compose(
      CompletableFuture<A> first, Function<? super A, ? extends CompletableFuture<B>> next) {
    CompletableFuture<B> out = new CompletableFuture<>();
    AtomicReference<CompletableFuture<?>> running = new AtomicReference<>(first);
    out.whenComplete((b, e) -> {
      if (out.isCancelled()) {
        running.get().cancel(true);
      }
    });
    first.whenComplete((a, error) -> {
      if (error != null) {
        out.completeExceptionally(Futures.unwrap(error));
        return;
      }
      CompletableFuture<B> second;
      try {
        second = next.apply(a);
      } catch (RuntimeException e) {
        out.completeExceptionally(e);
        return;
      }
      running.set(second);
      if (out.isCancelled()) { // cancelled while the first step finished
        second.cancel(true);
        return;
      }
      second.whenComplete((b, e) -> {
        if (e != null) {
          out.completeExceptionally(Futures.unwrap(e));
        } else {
          out.complete(b);
        }
      });
    });
    return out;
  }
}
