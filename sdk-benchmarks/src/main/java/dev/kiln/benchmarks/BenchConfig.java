package dev.kiln.benchmarks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
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

  BenchConfig(int rows, int chunks, List<Integer> latenciesMs, int warmup, int iterations, boolean inline,
      boolean heapProbe) {
    if (rows < 1 || chunks < 1 || chunks > rows || warmup < 0 || iterations < 1 || latenciesMs.isEmpty()) {
      throw new IllegalArgumentException("need rows >= chunks >= 1, warmup >= 0, iterations >= 1 and a latency");
    }
    for (int latency : latenciesMs) {
      if (latency < 0) {
        throw new IllegalArgumentException("latencies must not be negative: " + latenciesMs);
      }
    }
    this.rows = rows;
    this.chunks = chunks;
    this.latenciesMs = Collections.unmodifiableList(new ArrayList<>(latenciesMs));
    this.warmup = warmup;
    this.iterations = iterations;
    this.inline = inline;
    this.heapProbe = heapProbe;
  }

  static BenchConfig defaults() {
    return from(new Properties(), new String[0]);
  }

  /** {@code bench.rows=300000 bench.chunks=30 bench.latenciesMs=0,30 bench.warmup=2 bench.iterations=7 ...}. */
  static BenchConfig from(Properties system, String[] args) {
    Properties p = new Properties();
    for (Map.Entry<Object, Object> e : system.entrySet()) {
      String key = String.valueOf(e.getKey());
      if (key.startsWith("bench.")) {
        p.setProperty(key.substring("bench.".length()), String.valueOf(e.getValue()));
      }
    }
    for (String arg : args) {
      int eq = arg.indexOf('=');
      if (eq < 1) {
        throw new IllegalArgumentException("arguments are key=value, e.g. rows=500000; got " + arg);
      }
      String key = arg.substring(0, eq).replaceFirst("^-*(bench\\.)?", "");
      p.setProperty(key, arg.substring(eq + 1));
    }
    List<Integer> latencies = new ArrayList<>();
    for (String s : p.getProperty("latenciesMs", "0,30").split(",")) {
      if (!s.isBlank()) {
        latencies.add(Integer.parseInt(s.trim()));
      }
    }
    return new BenchConfig(
        Integer.parseInt(p.getProperty("rows", "300000").trim()),
        Integer.parseInt(p.getProperty("chunks", "30").trim()),
        latencies,
        Integer.parseInt(p.getProperty("warmup", "2").trim()),
        Integer.parseInt(p.getProperty("iterations", "7").trim()),
        Boolean.parseBoolean(p.getProperty("inline", "true").trim()),
        Boolean.parseBoolean(p.getProperty("heapProbe", "true").trim()));
  }

  int chunkRowCount() {
    return (rows + chunks - 1) / chunks;
  }

  @Override
  public String toString() {
    return "rows=" + rows + " chunks=" + chunks + " latenciesMs=" + latenciesMs + " warmup=" + warmup
        + " iterations=" + iterations + " inline=" + inline + " heapProbe=" + heapProbe;
  }
}
