package dev.kiln.core.spi;

import dev.kiln.core.DatabricksClient;
import dev.kiln.core.error.InvalidStateException;
import dev.kiln.core.error.OperationTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Brings a resource that starts and stops (a cluster, a SQL warehouse) to its ready state: read it,
 * then per state either accept it, start it (once), wait while it stays in a changing state (polled
 * by {@link Poller}), or fail. The API module says which step each state means; the loop is here
 * once. Each step is chained with {@link Futures#compose}, so cancelling the result cancels the
 * step in flight (a start already sent stays). A start answered INVALID_STATE means someone else
 * started it meanwhile, which is what was wanted, so the loop reads the state again.
 *
 * @param <S> what a read returns (e.g. {@code ClusterInfo})
 */
public final class Readiness<S> {
  /** What to do with a state: see the factories. */
  public static final class Step {
    private final int kind; // 0 ready, 1 start, 2 wait, 3 fail
    private final Object waitingOn;
    private final RuntimeException failure;

    private Step(int kind, Object waitingOn, RuntimeException failure) {
      this.kind = kind;
      this.waitingOn = waitingOn;
      this.failure = failure;
    }

    /** The resource is ready: the loop ends with it. */
    public static Step ready() {
      return new Step(0, null, null);
    }

    /** Send the start request, then read again. */
    public static Step start() {
      return new Step(1, null, null);
    }

    /** Poll while the step of each read stays the one for {@code group} (e.g. "starting"), then decide again. */
    public static Step waitWhile(Object group) {
      return new Step(2, Objects.requireNonNull(group, "group"), null);
    }

    /** End with this failure. */
    public static Step fail(RuntimeException failure) {
      return new Step(3, null, Objects.requireNonNull(failure, "failure"));
    }

    private boolean sameWait(Step other) {
      return other.kind == 2 && other.waitingOn.equals(waitingOn);
    }
  }

  private final DatabricksClient db;
  private final Clock clock;
  private final Supplier<CompletableFuture<S>> read;
  private final Supplier<CompletableFuture<Void>> start;
  private final BiFunction<S, Boolean, Step> decide;
  private final Function<? super S, String> statusOf;
  private final Duration initialDelay;
  private final Duration maxDelay;
  private final double multiplier;
  private final String description;

  /**
   * @param decide the step for a state; its second argument says whether this loop already sent a start
   *     (a resource found stopped again after that has failed to start)
   */
  public Readiness(DatabricksClient db, Supplier<CompletableFuture<S>> read, Supplier<CompletableFuture<Void>> start,
      BiFunction<S, Boolean, Step> decide, Function<? super S, String> statusOf, Duration initialDelay,
      Duration maxDelay, double multiplier, String description) {
    this.db = db;
    this.clock = ClientInternals.of(db).clock();
    this.read = read;
    this.start = start;
    this.decide = decide;
    this.statusOf = statusOf;
    this.initialDelay = initialDelay;
    this.maxDelay = maxDelay;
    this.multiplier = multiplier;
    this.description = description;
  }

  /** The resource once ready; {@link OperationTimeoutException} when {@code timeout} runs out first. */
  public CompletableFuture<S> await(Duration timeout) {
    Instant deadline = clock.instant().plus(timeout);
    return Futures.compose(read.get(), s -> step(s, deadline, false));
  }

  private CompletableFuture<S> step(S state, Instant deadline, boolean startSent) {
    Step step = decide.apply(state, startSent);
    switch (step.kind) {
      case 0:
        return CompletableFuture.completedFuture(state);
      case 1:
        return Futures.compose(sendStart(), v -> Futures.compose(read.get(), next -> step(next, deadline, true)));
      case 2:
        return Futures.compose(waitWhile(step, startSent, deadline), next -> step(next, deadline, startSent));
      default:
        return CompletableFuture.failedFuture(step.failure);
    }
  }

  private CompletableFuture<Void> sendStart() {
    CompletableFuture<Void> sent = start.get();
    return Futures.propagateCancel(sent.handle((v, e) -> {
      if (e != null && !(Futures.unwrap(e) instanceof InvalidStateException)) {
        throw new CompletionException(Futures.unwrap(e));
      }
      return null;
    }), sent);
  }

  private CompletableFuture<S> waitWhile(Step waiting, boolean startSent, Instant deadline) {
    Duration left = Duration.between(clock.instant(), deadline);
    if (left.isNegative() || left.isZero()) {
      return CompletableFuture.failedFuture(new OperationTimeoutException(description + " did not become ready in time"));
    }
    return Poller.<S, S>builder(db)
        .poll(read)
        .isTerminal(s -> !waiting.sameWait(decide.apply(s, startSent)))
        .result(s -> s)
        .statusOf(statusOf)
        .initialDelay(initialDelay)
        .maxDelay(maxDelay)
        .multiplier(multiplier)
        .timeout(left)
        .description(description + " (waiting while " + waiting.waitingOn + ")")
        .start()
        .resultAsync();
  }
}
