package dev.kiln.core;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Base for the handles API modules return for long-running work (statements, commands, Genie
 * messages, endpoints): every {@link LongRunningOperation} method goes to the one {@link Poller},
 * and the subclass adds what is specific (ids, typed status).
 */
public abstract class OperationHandle<S, R> implements LongRunningOperation<S, R> {
  private final LongRunningOperation<S, R> operation;

  protected OperationHandle(LongRunningOperation<S, R> operation) {
    this.operation = Objects.requireNonNull(operation, "operation");
  }

  @Override
  public Optional<S> lastState() {
    return operation.lastState();
  }

  @Override
  public S poll() {
    return operation.poll();
  }

  @Override
  public R await(Duration timeout) {
    return operation.await(timeout);
  }

  @Override
  public R await() {
    return operation.await();
  }

  @Override
  public CompletableFuture<R> resultAsync() {
    return operation.resultAsync();
  }

  @Override
  public CompletableFuture<Void> cancel() {
    return operation.cancel();
  }

  @Override
  public boolean isDone() {
    return operation.isDone();
  }

  @Override
  public void addListener(Consumer<? super S> listener) {
    operation.addListener(listener);
  }
}
