package dev.kiln.core.spi;

import dev.kiln.core.ClientListener;
import dev.kiln.core.DatabricksClient;
import dev.kiln.core.OperationEvent;
import dev.kiln.core.Sleeper;
import dev.kiln.core.error.ClientClosedException;
import dev.kiln.core.error.OperationTimeoutException;
import dev.kiln.core.internal.EventScope;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one polling loop every long-running operation uses. Polls are chained through the client's
 * {@link Sleeper}, so waiting costs no thread; the delay grows from {@code initialDelay} by
 * {@code multiplier} up to {@code maxDelay}.
 *
 * <pre>{@code
 * LongRunningOperation<Status, Result> op = Poller.<Status, Result>builder(db)
 *     .poll(() -> fetchStatusAsync(id))
 *     .isTerminal(s -> s.state().isTerminal())
 *     .result(s -> toResultOrThrow(s))
 *     .cancel(() -> cancelAsync(id))
 *     .start();
 * }</pre>
 */
public final class Poller<S, R> implements LongRunningOperation<S, R> {
  private static final Logger LOG = LoggerFactory.getLogger(Poller.class);

  private final Supplier<CompletableFuture<S>> pollFn;
  private final Predicate<? super S> isTerminal;
  private final Function<? super S, ? extends R> resultFn;
  private final Supplier<CompletableFuture<Void>> cancelFn;
  private final Function<? super S, ?> statusOf;
  private final Sleeper sleeper;
  private final java.time.Clock clock;
  private final Duration maxDelay;
  private final double multiplier;
  private final Instant deadline;
  private final boolean cancelOnDeadline;
  private final String description;
  private final String kind;
  private final String id;
  private final ClientListener clientListener;
  private final CompletableFuture<R> result = new CompletableFuture<>();
  private int polls;
  private final List<Consumer<? super S>> listeners = new CopyOnWriteArrayList<>();
  private final Object notifyLock = new Object();

  private Duration nextDelay;
  private S last;
  private Object lastStatus;
  private volatile CompletableFuture<?> pending;
  private volatile CompletableFuture<?> pendingPoll;

  private Poller(Builder<S, R> b) {
    this.pollFn = Objects.requireNonNull(b.pollFn, "poll");
    this.isTerminal = Objects.requireNonNull(b.isTerminal, "isTerminal");
    this.resultFn = Objects.requireNonNull(b.resultFn, "result");
    this.cancelFn = b.cancelFn;
    this.statusOf = b.statusOf;
    this.sleeper = b.sleeper;
    this.clock = ClientInternals.of(b.client).clock();
    this.nextDelay = b.initialDelay;
    this.maxDelay = b.maxDelay;
    this.multiplier = b.multiplier;
    this.deadline = b.timeout == null ? null : clock.instant().plus(b.timeout);
    this.cancelOnDeadline = b.cancelOnDeadline;
    this.description = b.description;
    this.kind = b.kind != null ? b.kind : kindOf(b.description);
    this.id = b.id != null ? b.id : idOf(b.description);
    ClientInternals internals = ClientInternals.of(b.client);
    this.clientListener = internals.listener();
    if (b.listener != null) {
      listeners.add(b.listener);
    }
    clientListener.operationStarted(new OperationEvent(kind, id, null, 0, null, EventScope.handingOverCall()));
    result.whenComplete((r, e) -> {
      finished(e);
      if (e != null) { // cancelled, or failed from outside (a closing client): stop waiting
        cancelIfPresent(pending);
        cancelIfPresent(pendingPoll); // abandons the HTTP request itself
      }
      if (result.isCancelled()) {
        requestRemoteCancel();
      }
    });
    // A closing client completes the result with ClientClosedException instead of leaving it pending.
    internals.track(result);
  }

  /** "statement 01ef..." → "statement"; a description without an id is the kind itself. */
  private static String kindOf(String description) {
    int space = description.lastIndexOf(' ');
    return space > 0 ? description.substring(0, space) : description;
  }

  private static String idOf(String description) {
    int space = description.lastIndexOf(' ');
    return space > 0 ? description.substring(space + 1) : "";
  }

  public static <S, R> Builder<S, R> builder(DatabricksClient client) {
    return new Builder<>(client);
  }

  private void begin(S initial) {
    if (initial != null) {
      accept(initial);
    }
    if (!result.isDone()) {
      scheduleNext();
    }
  }

  private void scheduleNext() {
    Duration delay;
    synchronized (this) {
      delay = nextDelay;
      long next = (long) Math.min(maxDelay.toMillis(), Math.max(1, delay.toMillis()) * multiplier);
      nextDelay = Duration.ofMillis(next);
    }
    if (deadline != null) {
      Duration left = Duration.between(clock.instant(), deadline);
      if (left.isNegative() || left.isZero()) {
        timeOut();
        return;
      }
      if (left.compareTo(delay) < 0) {
        delay = left;
      }
    }
    CompletableFuture<Void> sleep;
    try {
      sleep = sleeper.sleep(delay);
    } catch (RuntimeException e) {
      // E.g. the scheduler was shut down under us: fail the wait rather than hang it.
      result.completeExceptionally(e instanceof RejectedExecutionException
          ? new ClientClosedException("cannot schedule the next poll of " + description + ": the client is closed", e)
          : e);
      return;
    }
    CompletableFuture<S> next = sleep.thenCompose(v -> {
      if (result.isDone()) {
        return new CompletableFuture<S>(); // never completes; nothing more to do
      }
      CompletableFuture<S> poll = EventScope.inOperation(kind, id, pollFn);
      pendingPoll = poll;
      return poll;
    });
    pending = next;
    next.whenComplete((state, error) -> {
      if (result.isDone()) {
        return;
      }
      if (error != null) {
        result.completeExceptionally(Futures.unwrap(error));
        return;
      }
      try {
        countPoll();
        accept(state);
        if (!result.isDone()) {
          scheduleNext();
        }
      } catch (RuntimeException | Error e) {
        // A throwing isTerminal/result/status function must fail the wait, not silently end it.
        result.completeExceptionally(e);
      }
    });
  }

  /** Tells the client's listeners that the operation ended, with its last status and polls. */
  private void finished(Throwable failure) {
    String status;
    int pollCount;
    synchronized (this) {
      status = lastStatus == null ? null : String.valueOf(lastStatus);
      pollCount = polls;
    }
    clientListener.operationFinished(new OperationEvent(kind, id, status, pollCount,
        failure == null ? null : Futures.unwrap(failure).getClass().getName()));
  }

  private synchronized void countPoll() {
    polls++;
  }

  /**
   * Records a state, tells listeners of a status change, and completes on a terminal state. The
   * whole step runs under {@code notifyLock}, so a manual {@link #poll()} racing a scheduled one
   * cannot reach listeners out of order (the lock is re-entrant for a listener that polls).
   */
  private void accept(S state) {
    synchronized (notifyLock) {
      List<Consumer<? super S>> notify = List.of();
      boolean changed = false;
      Object status;
      int pollCount;
      synchronized (this) {
        last = state;
        status = statusOf.apply(state);
        pollCount = polls;
        if (!Objects.equals(status, lastStatus) || lastStatus == null) {
          lastStatus = status;
          notify = listeners;
          changed = true;
        }
      }
      String raw = status == null ? null : String.valueOf(status);
      if (pollCount > 0) {
        clientListener.polled(new OperationEvent(kind, id, raw, pollCount));
      }
      if (changed) {
        clientListener.statusChanged(new OperationEvent(kind, id, raw, pollCount));
      }
      for (Consumer<? super S> l : notify) {
        try {
          l.accept(state);
        } catch (RuntimeException e) {
          LOG.warn("a progress listener of {} threw {}", description, e.toString());
        }
      }
    }
    if (isTerminal.test(state)) {
      try {
        result.complete(resultFn.apply(state));
      } catch (RuntimeException e) {
        result.completeExceptionally(e);
      }
    }
  }

  private static void cancelIfPresent(CompletableFuture<?> f) {
    if (f != null) {
      f.cancel(false);
    }
  }

  private void timeOut() {
    if (result.completeExceptionally(new OperationTimeoutException(description + " did not finish in time"))
        && cancelOnDeadline) {
      requestRemoteCancel();
    }
  }

  private void requestRemoteCancel() {
    if (cancelFn == null) {
      return;
    }
    try {
      EventScope.inOperation(kind, id, cancelFn).whenComplete((v, e) -> {
        if (e != null) {
          LOG.warn("cancelling {} on the server failed: {}", description, Futures.unwrap(e).toString());
        }
      });
    } catch (RuntimeException e) {
      LOG.warn("cancelling {} on the server failed: {}", description, e.toString());
    }
  }

  @Override
  public synchronized Optional<S> lastState() {
    return Optional.ofNullable(last);
  }

  @Override
  public S poll() {
    return Futures.join(pollAsync());
  }

  @Override
  public CompletableFuture<S> pollAsync() {
    return Futures.map(Calls.async(() -> EventScope.inOperation(kind, id, pollFn)), state -> {
      if (!result.isDone()) {
        countPoll();
        accept(state);
      }
      return state;
    });
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
    Futures.join(cancelAsync());
  }

  @Override
  public CompletableFuture<Void> cancelAsync() {
    if (cancelFn == null) {
      return CompletableFuture.failedFuture(
          new UnsupportedOperationException(description + " cannot be cancelled"));
    }
    return Calls.async(() -> EventScope.inOperation(kind, id, cancelFn));
  }

  @Override
  public boolean isDone() {
    return result.isDone();
  }

  @Override
  public void addListener(Consumer<? super S> listener) {
    synchronized (notifyLock) {
      S current;
      synchronized (this) {
        listeners.add(listener);
        current = last;
      }
      if (current != null) {
        listener.accept(current);
      }
    }
  }

  @Override
  public String toString() {
    return "Poller[" + description + ", done=" + result.isDone() + "]";
  }

  /** Builder for {@link Poller}. */
  public static final class Builder<S, R> {
    private final DatabricksClient client;
    private Supplier<CompletableFuture<S>> pollFn;
    private Predicate<? super S> isTerminal;
    private Function<? super S, ? extends R> resultFn;
    private Supplier<CompletableFuture<Void>> cancelFn;
    private Function<? super S, ?> statusOf = Function.identity();
    private Consumer<? super S> listener;
    private Sleeper sleeper;
    private Duration initialDelay = Duration.ofMillis(250);
    private Duration maxDelay = Duration.ofSeconds(10);
    private double multiplier = 1.5;
    private Duration timeout;
    private boolean cancelOnDeadline;
    private String description = "operation";
    private String kind;
    private String id;

    private Builder(DatabricksClient client) {
      this.client = Objects.requireNonNull(client, "client");
      this.sleeper = ClientInternals.of(client).sleeper();
    }

    /** Fetches the current state (asynchronously, through the client). */
    public Builder<S, R> poll(Supplier<CompletableFuture<S>> value) {
      this.pollFn = value;
      return this;
    }

    public Builder<S, R> isTerminal(Predicate<? super S> value) {
      this.isTerminal = value;
      return this;
    }

    /** Turns a terminal state into the result, or throws the typed failure it means. */
    public Builder<S, R> result(Function<? super S, ? extends R> value) {
      this.resultFn = value;
      return this;
    }

    /** Asks the server to cancel; called when the result future is cancelled. */
    public Builder<S, R> cancel(Supplier<CompletableFuture<Void>> value) {
      this.cancelFn = value;
      return this;
    }

    /** What counts as a status change for listeners (default: the state's equality). */
    public Builder<S, R> statusOf(Function<? super S, ?> value) {
      this.statusOf = Objects.requireNonNull(value);
      return this;
    }

    public Builder<S, R> listener(Consumer<? super S> value) {
      this.listener = value;
      return this;
    }

    public Builder<S, R> initialDelay(Duration value) {
      this.initialDelay = Objects.requireNonNull(value);
      return this;
    }

    public Builder<S, R> maxDelay(Duration value) {
      this.maxDelay = Objects.requireNonNull(value);
      return this;
    }

    public Builder<S, R> multiplier(double value) {
      if (value < 1.0) {
        throw new IllegalArgumentException("multiplier must be at least 1.0");
      }
      this.multiplier = value;
      return this;
    }

    /** Gives up after this long with {@link OperationTimeoutException}; none by default. */
    public Builder<S, R> timeout(Duration value) {
      this.timeout = value;
      return this;
    }

    /** Whether giving up at the timeout also cancels the work on the server. */
    public Builder<S, R> cancelOnTimeout(boolean value) {
      this.cancelOnDeadline = value;
      return this;
    }

    /** Named in timeouts and log lines, e.g. {@code "statement 01ef..."}. */
    public Builder<S, R> description(String value) {
      this.description = Objects.requireNonNull(value);
      return this;
    }

    /**
     * What the operation is, for {@link ClientListener} events, e.g. {@code "statement"}; default:
     * the description up to its last space.
     */
    public Builder<S, R> kind(String value) {
      this.kind = Objects.requireNonNull(value);
      return this;
    }

    /** The operation's id for {@link ClientListener} events; default: the description's last word. */
    public Builder<S, R> id(String value) {
      this.id = Objects.requireNonNull(value);
      return this;
    }

    /** Overrides the client's sleeper for this operation. */
    public Builder<S, R> sleeper(Sleeper value) {
      this.sleeper = Objects.requireNonNull(value);
      return this;
    }

    /** Starts polling after {@code initialDelay}. */
    public Poller<S, R> start() {
      return start(null);
    }

    /**
     * Starts from a state already known (e.g. the submit response): it is handled at once, and if
     * it is terminal no poll is made.
     */
    public Poller<S, R> start(S initialState) {
      Poller<S, R> poller = new Poller<>(this);
      poller.begin(initialState);
      return poller;
    }
  }
}
