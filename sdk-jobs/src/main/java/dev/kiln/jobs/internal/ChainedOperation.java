package dev.kiln.jobs.internal;

import dev.kiln.core.spi.Futures;
import dev.kiln.core.spi.LongRunningOperation;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A polled operation whose result needs one more remote step once it is terminal (a finished run →
 * the output of each task). Polls, listeners and cancel go to the poller; the result is the step's.
 * Cancelling the result future cancels the poller too, which cancels the work on the server.
 */
public final class ChainedOperation<S, T, R> implements LongRunningOperation<S, R> {
  private final LongRunningOperation<S, T> polled;
  private final CompletableFuture<R> result;

  public ChainedOperation(LongRunningOperation<S, T> polled, Function<? super T, CompletableFuture<R>> then) {
    this.polled = polled;
    this.result = Futures.compose(polled.resultAsync(), then::apply);
  }

  @Override
  public Optional<S> lastState() {
    return polled.lastState();
  }

  @Override
  public S poll() {
    return polled.poll();
  }

  @Override
  public CompletableFuture<S> pollAsync() {
    return polled.pollAsync();
  }

  @Override
  public R await(Duration timeout) {
    return Futures.join(result, timeout);
  }

  @Override
  public R await() {
    return Futures.join(result);
  }

  @Override
  public CompletableFuture<R> resultAsync() {
    return result;
  }

  @Override
  public void cancel() {
    polled.cancel();
  }

  @Override
  public CompletableFuture<Void> cancelAsync() {
    return polled.cancelAsync();
  }

  @Override
  public boolean isDone() {
    return result.isDone();
  }

  @Override
  public void addListener(Consumer<? super S> listener) {
    polled.addListener(listener);
  }
}
