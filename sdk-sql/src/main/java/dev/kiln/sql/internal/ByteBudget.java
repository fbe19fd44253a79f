package dev.kiln.sql.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongConsumer;

/**
 * The bytes one reader may hold downloaded but not yet read. Downloads take room a segment at a
 * time and the reader gives it back as it consumes them. Waiters never hold a thread: a download
 * that finds no room leaves a callback and returns; freed room is granted to waiters in chunk
 * order (the chunk the reader needs next first), so the chunks nearest the reader fill first.
 */
public final class ByteBudget {
  private final long capacity;
  private final int segment;
  private final LongConsumer onChange;
  private final Object reportLock = new Object();
  /** Waiting callbacks by chunk index (then arrival), each wanting one segment. */
  private final TreeMap<Long, Runnable> waiters = new TreeMap<>();
  private long used;
  private long peak;
  private long arrivals;
  private boolean closed;

  /** {@code onChange} sees the bytes held after every change (a test's accounting hook; may be null). */
  public ByteBudget(long capacity, LongConsumer onChange) {
    this.capacity = capacity;
    // Segments small enough that a few chunks share the budget, large enough to copy cheaply.
    this.segment = (int) Math.max(1024, Math.min(64 * 1024, capacity / 16));
    this.onChange = onChange;
  }

  public long capacity() {
    return capacity;
  }

  /** The room one download takes per step. */
  public int segment() {
    return segment;
  }

  public synchronized long used() {
    return used;
  }

  /** Most bytes held at once so far. */
  public synchronized long peak() {
    return peak;
  }

  /** Takes {@code n} bytes if they fit now. */
  public boolean tryAcquire(long n) {
    return acquireOrWait(n, -1, null);
  }

  /**
   * Takes {@code n} bytes if they fit now; otherwise {@code granted} runs (on the releasing thread)
   * once they were taken for it. {@code order} ranks waiters: lower goes first.
   */
  public boolean acquireOrWait(long n, int order, Runnable granted) {
    synchronized (this) {
      if (closed) {
        return false;
      }
      if (used + n > capacity || (!waiters.isEmpty() && (granted == null || order > firstWaiterOrder()))) {
        if (granted != null) {
          waiters.put(((long) order << 32) | (arrivals++ & 0xFFFFFFFFL), new Grant(n, granted));
        }
        return false;
      }
      used += n;
      peak = Math.max(peak, used);
    }
    report();
    return true;
  }

  /**
   * Takes {@code n} bytes even past the capacity: for what the reader itself must hold to move on (the
   * decoder buffers of the chunk it reads when they could not be taken ahead of it).
   */
  public void takePastCapacity(long n) {
    synchronized (this) {
      used += n;
      peak = Math.max(peak, used);
    }
    report();
  }

  private int firstWaiterOrder() {
    return (int) (waiters.firstKey() >> 32);
  }

  public void release(long n) {
    if (n <= 0) {
      return;
    }
    List<Runnable> grants = new ArrayList<>();
    synchronized (this) {
      used -= n;
      while (!waiters.isEmpty() && !closed) {
        Map.Entry<Long, Runnable> first = waiters.firstEntry();
        Grant g = (Grant) first.getValue();
        if (used + g.bytes > capacity) {
          break;
        }
        waiters.pollFirstEntry();
        used += g.bytes;
        peak = Math.max(peak, used);
        grants.add(g.then);
      }
    }
    report();
    grants.forEach(Runnable::run);
  }

  /** Drops every waiter (the reader is gone). */
  public void close() {
    synchronized (this) {
      closed = true;
      waiters.clear();
    }
  }

  /**
   * Tells {@code onChange} the bytes in use now. Called after the change, outside the budget's lock (grants
   * run callbacks); reading the count under the report lock means the last report made is the latest count,
   * even when two threads' reports would otherwise arrive out of order.
   */
  private void report() {
    if (onChange != null) {
      synchronized (reportLock) {
        onChange.accept(used());
      }
    }
  }

  private static final class Grant implements Runnable {
    final long bytes;
    final Runnable then;

    Grant(long bytes, Runnable then) {
      this.bytes = bytes;
      this.then = then;
    }

    @Override
    public void run() {
      then.run();
    }
  }
}
