package dev.kiln.genie;

import dev.kiln.core.Sleeper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/** A sleeper whose sleeps end only when the test releases them, to hold a poller between polls. */
final class ManualSleeper implements Sleeper {
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition slept = lock.newCondition();
  private final List<CompletableFuture<Void>> pending = new ArrayList<>();
  private int requested;

  @Override
  public CompletableFuture<Void> sleep(Duration delay) {
    CompletableFuture<Void> f = new CompletableFuture<>();
    lock.lock();
    try {
      pending.add(f);
      requested++;
      slept.signalAll();
    } finally {
      lock.unlock();
    }
    return f;
  }

  /** Blocks until {@code n} sleeps were requested in total (fails after 5 s). */
  void awaitSleeps(int n) throws InterruptedException {
    lock.lock();
    try {
      long left = TimeUnit.SECONDS.toNanos(5);
      while (requested < n) {
        if (left <= 0) {
          throw new AssertionError("expected " + n + " sleeps, saw " + requested);
        }
        left = slept.awaitNanos(left);
      }
    } finally {
      lock.unlock();
    }
  }

  void releaseAll() {
    List<CompletableFuture<Void>> now;
    lock.lock();
    try {
      now = new ArrayList<>(pending);
      pending.clear();
    } finally {
      lock.unlock();
    }
    now.forEach(f -> f.complete(null));
  }
}
