package dev.kiln.core.internal;

import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Wraps any body subscriber so that a body which goes silent ends in bounded time. Silence only
 * counts while the downstream subscriber has asked for bytes it has not received: a slow reader of
 * an {@code InputStream} body requests nothing while it works, so it never trips the guard. One
 * timer task per timeout period (re-armed from the last activity), never one per {@code onNext}.
 *
 * <p>Until the downstream's body is complete, an absolute deadline also applies (the call's overall
 * timeout): a body buffered whole cannot trickle past it. A stream handed over early (an
 * {@code InputStream}) leaves the call's deadline behind and is bounded by silence only.
 *
 * <p>On a stall the upstream subscription is cancelled (the JDK closes the connection) and the
 * downstream receives {@code onError} with the exception {@code onStall} builds.
 */
final class StallGuard<T> implements HttpResponse.BodySubscriber<T> {
  enum Reason { SILENCE, DEADLINE, CLOSED }

  private final HttpResponse.BodySubscriber<T> downstream;
  private final long timeoutNanos;
  private final long deadlineNanos;
  private final ScheduledExecutorService timer;
  private final Function<Reason, Throwable> onStall;
  private final Consumer<StallGuard<?>> onEnd;
  private final AtomicLong demand = new AtomicLong();
  private final AtomicBoolean ended = new AtomicBoolean();
  private volatile long lastActivity = System.nanoTime();
  private volatile Flow.Subscription upstream;
  private volatile ScheduledFuture<?> check;

  /**
   * @param deadlineNanos a {@link System#nanoTime()} instant, or {@code Long.MAX_VALUE} for none
   * @param onEnd called once when the body ends in any way (to forget the guard)
   */
  StallGuard(HttpResponse.BodySubscriber<T> downstream, long timeoutNanos, long deadlineNanos,
      ScheduledExecutorService timer, Function<Reason, Throwable> onStall, Consumer<StallGuard<?>> onEnd) {
    this.downstream = downstream;
    this.timeoutNanos = Math.max(1, timeoutNanos);
    this.deadlineNanos = deadlineNanos;
    this.timer = timer;
    this.onStall = onStall;
    this.onEnd = onEnd;
  }

  @Override
  public CompletionStage<T> getBody() {
    return downstream.getBody();
  }

  @Override
  public void onSubscribe(Flow.Subscription subscription) {
    upstream = subscription;
    lastActivity = System.nanoTime();
    downstream.onSubscribe(new Flow.Subscription() {
      @Override
      public void request(long n) {
        if (n > 0 && demand.getAndAccumulate(n, StallGuard::saturatedAdd) == 0) {
          lastActivity = System.nanoTime(); // silence counts from when bytes were wanted again
        }
        subscription.request(n);
      }

      @Override
      public void cancel() {
        end();
        subscription.cancel();
      }
    });
    if (!ended.get()) {
      arm(Math.min(timeoutNanos, untilDeadline()));
    }
  }

  @Override
  public void onNext(List<ByteBuffer> item) {
    lastActivity = System.nanoTime();
    demand.getAndUpdate(d -> d == Long.MAX_VALUE || d == 0 ? d : d - 1);
    if (!ended.get()) {
      downstream.onNext(item);
    }
  }

  @Override
  public void onError(Throwable throwable) {
    if (end()) {
      downstream.onError(throwable);
    }
  }

  @Override
  public void onComplete() {
    if (end()) {
      downstream.onComplete();
    }
  }

  /** Ends the body now with the exception for {@code reason} (used on close, and by the timer). */
  void abort(Reason reason) {
    if (!end()) {
      return;
    }
    // Built before cancelling: some JDKs fail the exchange synchronously inside cancel(), and the
    // caller must already know why.
    Throwable failure = onStall.apply(reason);
    Flow.Subscription s = upstream;
    if (s != null) {
      s.cancel();
    }
    downstream.onError(failure);
  }

  private void check() {
    if (ended.get()) {
      return;
    }
    long now = System.nanoTime();
    if (!bodyDone() && now - deadlineNanos >= 0) {
      abort(Reason.DEADLINE);
      return;
    }
    long next;
    if (demand.get() > 0) {
      long silent = now - lastActivity;
      if (silent >= timeoutNanos) {
        abort(Reason.SILENCE);
        return;
      }
      next = timeoutNanos - silent;
    } else {
      next = timeoutNanos; // nothing wanted: look again one period later
    }
    arm(Math.min(next, untilDeadline()));
  }

  private void arm(long delayNanos) {
    try {
      check = timer.schedule(this::check, Math.max(1, delayNanos), TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException shutDown) {
      abort(Reason.CLOSED);
    }
    if (ended.get()) {
      cancelCheck();
    }
  }

  private long untilDeadline() {
    return deadlineNanos == Long.MAX_VALUE || bodyDone() ? Long.MAX_VALUE : deadlineNanos - System.nanoTime();
  }

  private boolean bodyDone() {
    try {
      CompletableFuture<T> body = downstream.getBody().toCompletableFuture();
      return body.isDone();
    } catch (UnsupportedOperationException e) {
      return false;
    }
  }

  private boolean end() {
    if (!ended.compareAndSet(false, true)) {
      return false;
    }
    cancelCheck();
    onEnd.accept(this);
    return true;
  }

  private void cancelCheck() {
    ScheduledFuture<?> c = check;
    if (c != null) {
      c.cancel(false);
    }
  }

  private static long saturatedAdd(long a, long b) {
    long r = a + b;
    return r < 0 ? Long.MAX_VALUE : r;
  }
}
