package dev.kiln.core.testing;

import dev.kiln.core.Sleeper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A sleeper that never waits for real. By default each sleep is recorded, moves the
 * {@link MutableClock} forward by its delay and completes at once. After {@link #hold()} sleeps
 * stay pending until the test calls {@link #releaseAll()}, to hold a poller or a retry between
 * two steps; {@link #awaitSleeps(int)} waits (bounded) until the code under test asked for them.
 */
public final class FakeSleeper implements Sleeper {
  private final MutableClock clock;
  private final List<Duration> sleeps = new ArrayList<>();
  private final List<CompletableFuture<Void>> held = new ArrayList<>();
  private boolean holding;

  public FakeSleeper(MutableClock clock) {
    this.clock = clock;
  }

  public FakeSleeper() {
    this(new MutableClock());
  }

  /** A sleeper already in hold mode. */
  public static FakeSleeper holding() {
    FakeSleeper s = new FakeSleeper();
    s.hold();
    return s;
  }

  @Override
  public CompletableFuture<Void> sleep(Duration delay) {
    CompletableFuture<Void> f;
    synchronized (this) {
      sleeps.add(delay);
      notifyAll();
      if (holding) {
        f = new CompletableFuture<>();
        held.add(f);
        return f;
      }
    }
    clock.advance(delay);
    return CompletableFuture.completedFuture(null);
  }

  /** From now on, sleeps wait for {@link #releaseAll()}. */
  public synchronized FakeSleeper hold() {
    holding = true;
    return this;
  }

  /** Back to completing sleeps at once: ends every held sleep, and later ones are not held. */
  public FakeSleeper stopHolding() {
    synchronized (this) {
      holding = false;
    }
    releaseAll();
    return this;
  }

  /** Ends every held sleep (advancing the clock by each delay); later sleeps are still held. */
  public void releaseAll() {
    List<CompletableFuture<Void>> now;
    synchronized (this) {
      now = new ArrayList<>(held);
      held.clear();
    }
    for (CompletableFuture<Void> f : now) {
      f.complete(null);
    }
  }

  /** Blocks until {@code n} sleeps were requested in total; fails after 5 s. */
  public synchronized void awaitSleeps(int n) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (sleeps.size() < n) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError("expected " + n + " sleeps, saw " + sleeps.size());
      }
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
  }

  public synchronized List<Duration> sleeps() {
    return List.copyOf(sleeps);
  }

  public MutableClock clock() {
    return clock;
  }
}
