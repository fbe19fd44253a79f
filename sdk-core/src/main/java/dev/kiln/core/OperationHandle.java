package dev.kiln.core;

import dev.kiln.core.spi.LongRunningOperation;
import dev.kiln.core.spi.WireEnums;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Long-running remote work: a statement, a command, a context starting, a Genie message, an
 * endpoint deploying. Every Kiln handle has this one shape, polled by core on the client's
 * scheduler (no thread waits between polls):
 *
 * <ul>
 *   <li>{@link #id()} and {@link #status()} (typed; {@link #rawStatus()} keeps the server's text);
 *   <li>{@link #poll()} / {@link #pollAsync()} to ask now;
 *   <li>{@link #await()}, {@link #await(Duration)} (a timeout throws {@code OperationTimeoutException}
 *       and leaves the work running: you still hold the handle) and {@link #resultAsync()};
 *   <li>{@link #cancel()} / {@link #cancelAsync()} to cancel on the server; cancelling the
 *       {@link #resultAsync()} future stops polling and cancels on the server too;
 *   <li>{@link #addListener} to see each state once, in order.
 * </ul>
 *
 * @param <S> the state a poll returns (e.g. a statement response)
 * @param <E> the typed status, an enum with an {@code UNKNOWN} constant
 * @param <R> the result once the work is finished
 */
public abstract class OperationHandle<S, E extends Enum<E>, R> {
  private final String id;
  private final LongRunningOperation<S, R> operation;
  private final Class<E> statusType;
  private final Function<? super S, String> rawStatusOf;
  private final E unknown;

  /**
   * For Kiln's API modules: {@code operation} is core's poller, {@code rawStatusOf} reads the
   * server's status text from a state.
   */
  protected OperationHandle(String id, LongRunningOperation<S, R> operation, Class<E> statusType,
      Function<? super S, String> rawStatusOf) {
    this.id = Objects.requireNonNull(id, "id");
    this.operation = Objects.requireNonNull(operation, "operation");
    this.statusType = Objects.requireNonNull(statusType, "statusType");
    this.rawStatusOf = Objects.requireNonNull(rawStatusOf, "rawStatusOf");
    this.unknown = Enum.valueOf(statusType, "UNKNOWN");
  }

  /** The server's id of the work (statement id, command id, message id, endpoint name). */
  public final String id() {
    return id;
  }

  /** The last status seen; {@code UNKNOWN} before the first answer or for a value this version does not know. */
  public final E status() {
    return WireEnums.parse(statusType, rawStatus().orElse(null), unknown);
  }

  /** The last status as the server wrote it, if any answer was seen. */
  public final Optional<String> rawStatus() {
    return operation.lastState().map(rawStatusOf);
  }

  /** The most recent state seen, if any. */
  public final Optional<S> lastState() {
    return operation.lastState();
  }

  /** Fetches the state now, records it (listeners, completion) and returns it. */
  public final S poll() {
    return operation.poll();
  }

  /** {@link #poll()} without blocking. */
  public final CompletableFuture<S> pollAsync() {
    return operation.pollAsync();
  }

  /** Waits for the result, bounded only by the operation's own deadline (see the API's options). */
  public final R await() {
    return operation.await();
  }

  /**
   * Waits at most {@code timeout}; then throws {@code OperationTimeoutException} and the work goes
   * on (call {@link #cancel()} to stop it). A zero timeout checks once without waiting.
   */
  public final R await(Duration timeout) {
    return operation.await(timeout);
  }

  /** The result as a future. Cancelling it stops polling and cancels the work on the server. */
  public final CompletableFuture<R> resultAsync() {
    return operation.resultAsync();
  }

  /** Asks the server to cancel and returns when it accepted; the handle then finishes as cancelled. */
  public final void cancel() {
    operation.cancel();
  }

  /** {@link #cancel()} without blocking. */
  public final CompletableFuture<Void> cancelAsync() {
    return operation.cancelAsync();
  }

  /**
   * Whether the operation has reached a terminal state (succeeded, failed or cancelled), as of the
   * last poll; does not call the server.
   */
  public final boolean isDone() {
    return operation.isDone();
  }

  /**
   * Calls {@code listener} with the current state at once (if one is known) and then on each change
   * of status, in order, never twice for the same status in a row.
   */
  public final void addListener(Consumer<? super S> listener) {
    operation.addListener(listener);
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "[" + id + ", " + rawStatus().orElse("UNKNOWN") + "]";
  }
}
