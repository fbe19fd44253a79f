package dev.kiln.core;

import dev.kiln.core.error.ClientClosedException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Waits without blocking a thread: the returned future completes after the delay. Retries and
 * polls wait through it, so tests inject one that records delays and completes at once.
 */
@FunctionalInterface
public interface Sleeper {
  /**
   * A future that completes once {@code delay} has passed (at once for zero or negative);
   * cancelling it cancels the timer. Fails with {@code ClientClosedException} when the timer can no
   * longer be scheduled.
   */
  CompletableFuture<Void> sleep(Duration delay);

  /** The production sleeper: a timer on the given scheduler. */
  static Sleeper using(ScheduledExecutorService scheduler) {
    return delay -> {
      CompletableFuture<Void> done = new CompletableFuture<>();
      if (delay.isZero() || delay.isNegative()) {
        done.complete(null);
        return done;
      }
      java.util.concurrent.ScheduledFuture<?> timer;
      try {
        timer = scheduler.schedule(() -> done.complete(null), delay.toNanos(), TimeUnit.NANOSECONDS);
      } catch (RejectedExecutionException shutDown) {
        // Fail instead of hanging: a timer that was never scheduled would never fire.
        done.completeExceptionally(new ClientClosedException("cannot wait: the scheduler is shut down", shutDown));
        return done;
      }
      done.whenComplete((v, e) -> {
        if (done.isCancelled()) {
          timer.cancel(false);
        }
      });
      return done;
    };
  }
}
