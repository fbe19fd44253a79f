package dev.kiln.emulator.internal;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * One signal for every status change of the workspace's asynchronous work (statements, commands, contexts,
 * Genie messages), so a caller can block until a condition holds instead of polling. A version number taken
 * before the condition is checked closes the gap between checking and waiting: a change in between is seen.
 * Conditions are checked without this lock held, so the objects signalling may hold their own locks.
 */
final class StateChanges {
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private long version;

  /** Wakes every waiter to check its condition again. */
  void changed() {
    lock.lock();
    try {
      version++;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Blocks until {@code condition} holds. After {@code timeout} it fails with an {@link IllegalStateException}
   * whose message is {@code describe}'s text (read at that moment, so it can name the current status).
   */
  void await(BooleanSupplier condition, Duration timeout, Supplier<String> describe) {
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative()) {
      throw new IllegalArgumentException("timeout must not be negative, got " + timeout);
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      long seen = version();
      if (condition.getAsBoolean()) {
        return;
      }
      long remaining = deadline - System.nanoTime();
      if (remaining <= 0) {
        throw new IllegalStateException(describe.get() + " after " + timeout);
      }
      lock.lock();
      try {
        while (version == seen && remaining > 0) {
          remaining = changed.awaitNanos(remaining);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting: " + describe.get(), e);
      } finally {
        lock.unlock();
      }
    }
  }

  private long version() {
    lock.lock();
    try {
      return version;
    } finally {
      lock.unlock();
    }
  }
}
