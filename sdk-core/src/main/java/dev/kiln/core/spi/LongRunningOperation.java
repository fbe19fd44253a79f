package dev.kiln.core.spi;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The engine behind {@code OperationHandle}: remote work observed by polling on the client's
 * scheduler. {@link Poller} is the implementation; handles delegate to it.
 *
 * @param <S> the state a poll returns
 * @param <R> the result once the state is terminal
 */
public interface LongRunningOperation<S, R> {
  Optional<S> lastState();

  /** Fetches the state now (blocking), records it and completes the operation if it is terminal. */
  S poll();

  CompletableFuture<S> pollAsync();

  /** Waits for the result at most {@code timeout}; on timeout the operation keeps running. */
  R await(Duration timeout);

  R await();

  /** The result; cancelling it stops polling and asks the server to cancel the work. */
  CompletableFuture<R> resultAsync();

  /** Asks the server to cancel (blocking until it accepted); polling goes on to a terminal state. */
  void cancel();

  CompletableFuture<Void> cancelAsync();

  boolean isDone();

  void addListener(Consumer<? super S> listener);
}
