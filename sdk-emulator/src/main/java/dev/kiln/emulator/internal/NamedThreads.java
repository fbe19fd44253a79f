package dev.kiln.emulator.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Daemon threads named after the workspace part they serve, so a thread dump says whose they are. Remembers
 * the threads it made, so closing can wait until they have really ended: a pool reports itself terminated
 * while its last worker is still on its way out.
 */
final class NamedThreads implements ThreadFactory {
  private final String prefix;
  private final AtomicInteger count = new AtomicInteger();
  private final List<Thread> made = new ArrayList<>();

  NamedThreads(String prefix) {
    this.prefix = prefix;
  }

  @Override
  public Thread newThread(Runnable task) {
    Thread thread = new Thread(task, prefix + "-" + count.incrementAndGet());
    thread.setDaemon(true);
    synchronized (made) {
      made.removeIf(t -> t.getState() == Thread.State.TERMINATED); // pools replace idle threads over time
      made.add(thread);
    }
    return thread;
  }

  /** Waits up to {@code timeoutNanos} in all for every thread made here to end; call after shutting the pool down. */
  void join(long timeoutNanos) throws InterruptedException {
    List<Thread> threads;
    synchronized (made) {
      threads = new ArrayList<>(made);
    }
    long deadline = System.nanoTime() + timeoutNanos;
    for (Thread thread : threads) {
      long remaining = deadline - System.nanoTime();
      if (remaining <= 0) {
        return;
      }
      TimeUnit.NANOSECONDS.timedJoin(thread, remaining);
    }
  }
}
