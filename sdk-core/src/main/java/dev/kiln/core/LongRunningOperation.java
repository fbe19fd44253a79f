package dev.kiln.core;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Remote work that finishes later (a statement, a command, a context, a Genie message), observed
 * by polling on the client's scheduler: no thread waits between polls.
 *
 * @param <S> the state a poll returns (e.g. a statement response)
 * @param <R> the result once the state is terminal
 */
public interface LongRunningOperation<S, R> {
  /** The most recent state seen, if any. */
  Optional<S> lastState();

  /** Fetches the state now (blocking), records it and completes the operation if it is terminal. */
  S poll();

  /** Waits for the result at most {@code timeout}; on timeout the operation keeps running. */
  R await(Duration timeout);

  /** Waits for the result, bounded only by the operation's own deadline, if it has one. */
  R await();

  /**
   * The result as a future. Cancelling it stops polling and asks the server to cancel the work.
   */
  CompletableFuture<R> resultAsync();

  /** Asks the server to cancel; polling goes on until the state becomes terminal. */
  CompletableFuture<Void> cancel();

  boolean isDone();

  /**
   * Calls {@code listener} with the current state at once (if one is known) and then on each change
   * of status, in order, never twice for the same status in a row.
   */
  void addListener(Consumer<? super S> listener);
}
