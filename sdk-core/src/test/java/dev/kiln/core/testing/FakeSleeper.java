package dev.kiln.core.testing;

import dev.kiln.core.Sleeper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A sleeper that never waits: it records each requested delay, moves the {@link MutableClock}
 * forward by it, and completes at once.
 */
public final class FakeSleeper implements Sleeper {
  private final MutableClock clock;
  private final List<Duration> sleeps = new ArrayList<>();

  public FakeSleeper(MutableClock clock) {
    this.clock = clock;
  }

  public FakeSleeper() {
    this(new MutableClock());
  }

  @Override
  public CompletableFuture<Void> sleep(Duration delay) {
    synchronized (sleeps) {
      sleeps.add(delay);
    }
    clock.advance(delay);
    return CompletableFuture.completedFuture(null);
  }

  public List<Duration> sleeps() {
    synchronized (sleeps) {
      return List.copyOf(sleeps);
    }
  }

  public MutableClock clock() {
    return clock;
  }
}
