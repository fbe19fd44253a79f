package dev.kiln.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * Measures what a reader keeps alive while it reads: after the statement has run (the emulator, which lives
 * in the same JVM, already holds the rendered result), a full GC gives the baseline; then a full GC in the
 * middle of every chunk gives the live heap at that moment. The maximum above the baseline is the reader's
 * own footprint: chunks held, buffered, downloading. Untimed: each GC stops the world.
 */
final class HeapProbe {
  private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

  private final long every;
  private final long offset;
  private long baseline = -1;
  private long maxAboveBaseline;
  private int samples;

  /** Samples at row {@code offset}, {@code offset + every}, ... of the result. */
  HeapProbe(long every, long offset) {
    this.every = every;
    this.offset = offset;
  }

  /** Call once the statement has run and before the first row is read. */
  void afterSubmit() {
    baseline = liveHeap();
  }

  /** Call for every row read, with its 0-based position in the result (from any thread). */
  synchronized void atRow(long index) {
    if (index % every == offset) {
      maxAboveBaseline = Math.max(maxAboveBaseline, liveHeap() - baseline);
      samples++;
    }
  }

  synchronized long maxAboveBaseline() {
    if (baseline < 0 || samples == 0) {
      throw new IllegalStateException("the probe took no samples");
    }
    return maxAboveBaseline;
  }

  static long liveHeap() {
    System.gc(); // with G1 (the JDK default) a full, stop-the-world collection
    return MEMORY.getHeapMemoryUsage().getUsed();
  }
}
