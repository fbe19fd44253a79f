package dev.kiln.benchmarks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;

/**
 * Parameters of {@link SqlResultBenchmark}, read from system properties {@code bench.*} (or {@code key=value}
 * program arguments, which win). The defaults keep a full run under two minutes on 2 cores.
 */
final class BenchConfig {
  /** Rows in the result. */
  final int rows;
  /** Chunks the emulator cuts the result into (it is given {@code ceil(rows / chunks)} rows per chunk). */
  final int chunks;
  /** Latency added to every external-link download, one measured section per value. */
  final List<Integer> latenciesMs;
  final int warmup;
  final int iterations;
  /** Also measure INLINE multi-chunk reading (no downloads, so once, without injected latency). */
  final boolean inline;
  /** One extra, untimed pass per variant that measures the live heap with a full GC in the middle of every chunk. */
  final boolean heapProbe;
  /** Also a numeric-only section (4 numeric columns; Kiln JSON_ARRAY, Kiln ARROW_STREAM, raw 16) at +0 ms. */
  final boolean numeric;
  /**
   * Also the numeric result replayed from memory ({@link ReplayServer}: rendered once by the emulator, then served
   * as stored bytes), so the figures are the readers' own: Kiln JSON_ARRAY, ARROW_STREAM with and without LZ4,
   * raw 16.
   */
  final boolean replay;
  /** The mixed-table EXTERNAL_LINKS sections, one per latency (false: only the numeric, replayed and inline ones). */
  final boolean mixed;
  /**
   * Rows per chunk of the replayed sections, one section each (empty: the run's own {@link #chunkRowCount()}).
   * Per-chunk costs (a link request and a download each) are the same for every format, so the chunk size moves
   * the Arrow / JSON ratio; this shows it side by side in one run.
   */
  final List<Integer> replayChunkRows;

  BenchConfig(int rows, int chunks, List<Integer> latenciesMs, int warmup, int iterations, boolean inline,
      boolean heapProbe, boolean numeric) {
    this(rows, chunks, latenciesMs, warmup, iterations, inline, heapProbe, numeric, true, true, List.of());
  }

  BenchConfig(int rows, int chunks, List<Integer> latenciesMs, int warmup, int iterations, boolean inline,
      boolean heapProbe, boolean numeric, boolean replay, boolean mixed, List<Integer> replayChunkRows) {
    if (rows < 1 || chunks < 1 || chunks > rows || warmup < 0 || iterations < 1 || latenciesMs.isEmpty()) {
      throw new IllegalArgumentException("need rows >= chunks >= 1, warmup >= 0, iterations >= 1 and a latency");
    }
    for (int latency : latenciesMs) {
      if (latency < 0) {
        throw new IllegalArgumentException("latencies must not be negative: " + latenciesMs);
      }
    }
    for (int chunkRows : replayChunkRows) {
      if (chunkRows < 1) {
        throw new IllegalArgumentException("replayed chunks need at least one row: " + replayChunkRows);
      }
    }
    this.rows = rows;
    this.chunks = chunks;
    this.latenciesMs = Collections.unmodifiableList(new ArrayList<>(latenciesMs));
    this.warmup = warmup;
    this.iterations = iterations;
    this.inline = inline;
    this.heapProbe = heapProbe;
    this.numeric = numeric;
    this.replay = replay;
    this.mixed = mixed;
    this.replayChunkRows = Collections.unmodifiableList(new ArrayList<>(replayChunkRows));
  }

  static BenchConfig defaults() {
    return from(new Properties(), new String[0]);
  }

  /** {@code bench.rows=300000 bench.chunks=30 bench.latenciesMs=0,30 bench.warmup=2 bench.iterations=7 ...}. */
  static BenchConfig from(Properties system, String[] args) {
    BenchArgs p = BenchArgs.of(system, args);
    return new BenchConfig(
        p.integer("rows", 300000),
        p.integer("chunks", 30),
        p.integers("latenciesMs", "0,30"),
        p.integer("warmup", 2),
        p.integer("iterations", 7),
        p.bool("inline", true),
        p.bool("heapProbe", true),
        p.bool("numeric", true),
        p.bool("replay", true),
        p.bool("mixed", true),
        p.integers("replayChunkRows", ""));
  }

  int chunkRowCount() {
    return (rows + chunks - 1) / chunks;
  }

  /** Rows per chunk of each replayed section, in order. */
  List<Integer> replayedChunkRows() {
    return replayChunkRows.isEmpty() ? List.of(chunkRowCount()) : replayChunkRows;
  }

  @Override
  public String toString() {
    return "rows=" + rows + " chunks=" + chunks + " latenciesMs=" + latenciesMs + " warmup=" + warmup
        + " iterations=" + iterations + " inline=" + inline + " heapProbe=" + heapProbe + " numeric=" + numeric
        + " replay=" + replay + " mixed=" + mixed + " replayChunkRows=" + replayedChunkRows();
  }
}
