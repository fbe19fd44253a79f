package dev.kiln.benchmarks;

import dev.kiln.core.DatabricksClient;
import dev.kiln.core.auth.Credentials;
import dev.kiln.sql.SqlClient;
import dev.kiln.sql.StatementResult;
import dev.kiln.sql.model.StatementRequest;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * How many threads Kiln needs to wait for many statements at once: {@code statements} statements submitted
 * with {@code waitTimeout(0)} (the submit returns at once, PENDING) to a loopback fake that answers RUNNING
 * for {@code runningMs} and then SUCCEEDED with a one-row inline result, all awaited through
 * {@code StatementHandle.resultAsync()} with the default {@code SqlOptions}. Reported: the JVM's peak live
 * thread count ({@link ThreadMXBean#getPeakThreadCount()}, reset once the fake server and the sampler run,
 * before the Kiln client is built) minus the live threads at that moment, the thread names seen at the
 * highest sampled count, every new thread any sample saw, the threads started in all, and the threads still
 * alive one second after {@code DatabricksClient.close()} (with GC).
 *
 * <p>On a machine with 2 CPUs the common ForkJoinPool has parallelism 1, so {@code CompletableFuture}'s default
 * async executor starts one thread per task; the JDK {@code HttpClient.sendAsync} hands each response to it,
 * which shows here as many short-lived {@code Thread-N}. Run with
 * {@code -Djava.util.concurrent.ForkJoinPool.common.parallelism=2} to see the figure without that effect.
 * The goal: at most 16 threads added.
 *
 * <p>Run: {@code java -cp <runtime classpath> dev.kiln.benchmarks.ConcurrentWaitsBenchmark [statements=1000]
 * [runningMs=3000] [serverThreads=8]} (see README.md).
 */
public final class ConcurrentWaitsBenchmark {
  static {
    if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
      System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    }
  }

  static final int GOAL = 16;

  private ConcurrentWaitsBenchmark() {}

  static final class Config {
    final int statements;
    final int runningMs;
    final int serverThreads;

    Config(int statements, int runningMs, int serverThreads) {
      if (statements < 1 || runningMs < 0 || serverThreads < 1) {
        throw new IllegalArgumentException("need statements >= 1, runningMs >= 0, serverThreads >= 1");
      }
      this.statements = statements;
      this.runningMs = runningMs;
      this.serverThreads = serverThreads;
    }

    static Config from(BenchArgs p) {
      return new Config(p.integer("statements", 1000), p.integer("runningMs", 3000), p.integer("serverThreads", 8));
    }
  }

  public static void main(String[] args) throws Exception {
    Config config = Config.from(BenchArgs.of(System.getProperties(), args));
    run(config, System.out).print(System.out);
  }

  static Report run(Config config, PrintStream log) throws Exception {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    FakeOperations fake = new FakeOperations((kind, tag) -> Duration.ofMillis(config.runningMs));
    try (LoopbackServer server = LoopbackServer.start(config.serverThreads, fake);
        ThreadSampler sampler = ThreadSampler.start(threads)) {
      int baseline = threads.getThreadCount();
      threads.resetPeakThreadCount();
      long startedBefore = threads.getTotalStartedThreadCount();
      sampler.baseline();
      Map<String, Integer> baselineNames = ThreadSampler.names();
      long started;
      long finished;
      int succeeded = 0;
      String options;
      DatabricksClient db = DatabricksClient.builder()
          .host(server.host())
          .credentials(Credentials.personalAccessToken(CallOverheadBenchmark.TOKEN))
          .build();
      try {
        SqlClient sql = SqlClient.create(db);
        options = sql.options().toString();
        List<CompletableFuture<StatementResult>> waits = new ArrayList<>(config.statements);
        started = System.nanoTime();
        for (int i = 0; i < config.statements; i++) {
          StatementRequest request = StatementRequest.builder()
              .warehouseId("bench-warehouse")
              .statement("SELECT 1 AS x -- op-" + i)
              .waitTimeout(Duration.ZERO)
              .build();
          waits.add(sql.submitAsync(request).thenCompose(handle -> handle.resultAsync()));
        }
        CompletableFuture.allOf(waits.toArray(new CompletableFuture<?>[0]))
            .get(config.runningMs + 120_000L, TimeUnit.MILLISECONDS);
        finished = System.nanoTime();
        for (CompletableFuture<StatementResult> wait : waits) {
          try (StatementResult result = wait.join()) {
            if (result.totalRowCount() == 1) {
              succeeded++;
            }
          }
        }
      } finally {
        db.close();
      }
      int peak = threads.getPeakThreadCount();
      long startedDuring = threads.getTotalStartedThreadCount() - startedBefore;
      Map<String, Integer> atPeak = sampler.namesAtMax();
      Map<String, Integer> seen = sampler.seenSinceBaseline();
      // what close() leaves behind: give it a second, as the lifecycle goal does, with GC so a JDK
      // HttpClient nobody references any more can end its selector thread
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
      while (threads.getThreadCount() > baseline && System.nanoTime() < deadline) {
        System.gc();
        Thread.sleep(50);
      }
      Map<String, Integer> afterClose = ThreadSampler.minus(ThreadSampler.names(), baselineNames);
      Report report = new Report(config, baseline, peak, ThreadSampler.minus(atPeak, baselineNames), afterClose,
          startedDuring, seen, succeeded, fake.polls(FakeOperations.Kind.STATEMENT), (finished - started) / 1e9, options);
      log.println(String.format(Locale.ROOT, "done: %d statements, peak threads added %d", config.statements,
          report.added()));
      return report;
    }
  }

  /** Samples the live thread count every 10 ms and keeps the thread names of the highest sample. */
  static final class ThreadSampler implements AutoCloseable {
    private final ThreadMXBean threads;
    private final Thread thread;
    private volatile boolean running = true;
    private int max;
    private Map<String, Integer> namesAtMax = new TreeMap<>();
    private final Set<Long> baselineIds = new HashSet<>();
    /** Every thread seen in a sample that was not alive at the baseline, by id (short-lived ones may be missed). */
    private final Map<Long, String> seenSinceBaseline = new HashMap<>();

    private ThreadSampler(ThreadMXBean threads) {
      this.threads = threads;
      this.thread = new Thread(this::loop, "bench-thread-sampler");
      this.thread.setDaemon(true);
    }

    static ThreadSampler start(ThreadMXBean threads) {
      ThreadSampler s = new ThreadSampler(threads);
      s.thread.start();
      return s;
    }

    /** Takes the threads alive now as the baseline and forgets what was sampled before. */
    synchronized void baseline() {
      baselineIds.clear();
      for (Thread t : Thread.getAllStackTraces().keySet()) {
        baselineIds.add(t.getId());
      }
      seenSinceBaseline.clear();
      max = 0;
      namesAtMax = new TreeMap<>();
    }

    synchronized Map<String, Integer> seenSinceBaseline() {
      Map<String, Integer> out = new TreeMap<>();
      for (String name : seenSinceBaseline.values()) {
        out.merge(name.replaceAll("\\d+", "N"), 1, Integer::sum);
      }
      return out;
    }

    private void loop() {
      while (running) {
        synchronized (this) {
          for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (!baselineIds.contains(t.getId())) {
              seenSinceBaseline.putIfAbsent(t.getId(), t.getName());
            }
          }
        }
        int count = threads.getThreadCount();
        if (count > maxSoFar()) {
          Map<String, Integer> names = names();
          synchronized (this) {
            max = count;
            namesAtMax = names;
          }
        }
        try {
          Thread.sleep(10);
        } catch (InterruptedException e) {
          return;
        }
      }
    }

    private synchronized int maxSoFar() {
      return max;
    }

    synchronized Map<String, Integer> namesAtMax() {
      return new TreeMap<>(namesAtMax);
    }

    /** Live thread names with digits folded ({@code HttpClient-N-Worker-N}), counted. */
    static Map<String, Integer> names() {
      Map<String, Integer> out = new TreeMap<>();
      for (Thread t : Thread.getAllStackTraces().keySet()) {
        out.merge(t.getName().replaceAll("\\d+", "N"), 1, Integer::sum);
      }
      return out;
    }

    static Map<String, Integer> minus(Map<String, Integer> names, Map<String, Integer> baseline) {
      Map<String, Integer> out = new TreeMap<>();
      names.forEach((name, n) -> {
        int extra = n - baseline.getOrDefault(name, 0);
        if (extra > 0) {
          out.put(name, extra);
        }
      });
      return out;
    }

    @Override
    public void close() throws InterruptedException {
      running = false;
      thread.interrupt();
      thread.join(1000);
    }
  }

  static final class Report {
    final Config config;
    final int baseline;
    final int peak;
    final Map<String, Integer> addedAtPeak;
    final Map<String, Integer> leftAfterClose;
    /** Threads started from the baseline until after close ({@link ThreadMXBean#getTotalStartedThreadCount()}). */
    final long startedDuring;
    /** Threads seen in any 10 ms sample that were not alive at the baseline, by name. */
    final Map<String, Integer> seenDuring;
    final int succeeded;
    final long polls;
    final double seconds;
    final String options;

    Report(Config config, int baseline, int peak, Map<String, Integer> addedAtPeak,
        Map<String, Integer> leftAfterClose, long startedDuring, Map<String, Integer> seenDuring, int succeeded,
        long polls, double seconds, String options) {
      this.startedDuring = startedDuring;
      this.seenDuring = seenDuring;
      this.config = config;
      this.baseline = baseline;
      this.peak = peak;
      this.addedAtPeak = addedAtPeak;
      this.leftAfterClose = leftAfterClose;
      this.succeeded = succeeded;
      this.polls = polls;
      this.seconds = seconds;
      this.options = options;
    }

    int added() {
      return peak - baseline;
    }

    void print(PrintStream out) {
      out.println();
      out.printf(Locale.ROOT, "Concurrent waits: %,d statements submitted with waitTimeout 0, each RUNNING for %d ms"
              + " then SUCCEEDED (one inline row), all awaited through resultAsync()%n", config.statements,
          config.runningMs);
      out.printf(Locale.ROOT, "JVM %s, %d CPUs; loopback fake with %d handler threads (started before the baseline);"
          + " %s%n", System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
          config.serverThreads, options);
      out.println();
      String row = "%-44s %s%n";
      out.printf(Locale.ROOT, row, "statements succeeded", succeeded + " of " + config.statements);
      out.printf(Locale.ROOT, row, "submit of the first to end of the last", String.format(Locale.ROOT, "%.1f s", seconds));
      out.printf(Locale.ROOT, row, "status polls (GET) served",
          String.format(Locale.ROOT, "%,d (%.1f per statement)", polls, polls / (double) config.statements));
      out.printf(Locale.ROOT, row, "live threads before the client", baseline);
      out.printf(Locale.ROOT, row, "peak live threads", peak);
      out.printf(Locale.ROOT, row, "peak threads added (goal <= " + GOAL + ")",
          added() + (added() <= GOAL ? " (met)" : " (NOT met)"));
      out.printf(Locale.ROOT, row, "added at the highest 10 ms sample, by name", addedAtPeak);
      out.printf(Locale.ROOT, row, "threads started during the run (incl. close)", startedDuring);
      out.printf(Locale.ROOT, row, "new threads seen in any sample, by name", seenDuring);
      out.printf(Locale.ROOT, row, "still alive 1 s after close() (with GC)", leftAfterClose.isEmpty()
          ? "none" : leftAfterClose.toString());
    }
  }
}
