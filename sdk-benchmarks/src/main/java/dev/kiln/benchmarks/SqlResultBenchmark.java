package dev.kiln.benchmarks;

import com.databricks.sdk.WorkspaceClient;
import dev.kiln.emulator.Fault;
import dev.kiln.emulator.InjectedFault;
import dev.kiln.emulator.LocalWorkspace;
import dev.kiln.sql.SqlClient;
import dev.kiln.sql.model.Disposition;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Reads the same multi-chunk SQL result with Kiln and with what a user would write with the official
 * Databricks Java SDK, in one run against one {@link LocalWorkspace}, and prints median times, rows/s, the
 * Kiln/official time ratio and the live heap each reader needs. External-link downloads get extra latency
 * from the emulator's fault engine (one section per latency), to model object storage.
 *
 * <p>Not a unit test: run it with {@code mvn -B -ntp -q -pl sdk-benchmarks -am package -DskipTests -Dbench}
 * (see README.md for parameters).
 */
public final class SqlResultBenchmark {
  static {
    // Before any logger exists: the emulator and both SDKs log through SLF4J; keep the table readable.
    if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
      System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    }
  }

  /** The emulator drops a result this long after its statement finished (when the statement is next looked at). */
  private static final Duration RETENTION = Duration.ofMinutes(10);
  private static final String EXTERNAL_LINK_PATH = "/_external/";

  private SqlResultBenchmark() {}

  public static void main(String[] args) throws Exception {
    BenchConfig config = BenchConfig.from(System.getProperties(), args);
    Report report = run(config, System.out);
    report.print(System.out);
  }

  /** Runs every section; progress lines go to {@code log}. Fails if any read returns a wrong row count or checksum. */
  static Report run(BenchConfig config, PrintStream log) throws Exception {
    long expectedChecksum = BenchTable.expectedChecksum(config.rows);
    ShiftableClock clock = new ShiftableClock();
    long started = System.nanoTime();
    try (LocalWorkspace ws = LocalWorkspace.builder()
        .chunkRowCount(config.chunkRowCount())
        .clock(clock)
        .resultRetention(RETENTION)
        .start()) {
      ws.sql().execute(BenchTable.createStatement(config.rows));
      String warehouse = ws.defaultWarehouseId();
      SqlClient kiln = SqlClient.create(ws.client());
      WorkspaceClient official = OfficialSdkReaders.client(ws.host(), ws.token());
      HttpClient http = HttpClient.newHttpClient();
      Runner runner = new Runner(config, expectedChecksum, clock, official, log);

      List<Section> sections = new ArrayList<>();
      for (int latency : config.latenciesMs) {
        InjectedFault fault = latency == 0 ? null
            : ws.faults().inject(Fault.latency(Duration.ofMillis(latency)).on("GET", EXTERNAL_LINK_PATH));
        try {
          sections.add(runner.section("EXTERNAL_LINKS", latency,
              new KilnReader(kiln, warehouse, Disposition.EXTERNAL_LINKS),
              new OfficialSdkReaders.ExternalLinks(official, warehouse, http)));
        } finally {
          if (fault != null) {
            fault.remove();
          }
        }
      }
      if (config.inline) {
        sections.add(runner.section("INLINE", -1,
            new KilnReader(kiln, warehouse, Disposition.INLINE),
            new OfficialSdkReaders.Inline(official, warehouse)));
      }
      return new Report(config, sections, (System.nanoTime() - started) / 1_000_000_000.0);
    }
  }

  /** Runs the readers of one section, interleaved, and checks every read. */
  private static final class Runner {
    private final BenchConfig config;
    private final long expectedChecksum;
    private final ShiftableClock clock;
    private final WorkspaceClient official;
    private final PrintStream log;

    Runner(BenchConfig config, long expectedChecksum, ShiftableClock clock, WorkspaceClient official,
        PrintStream log) {
      this.config = config;
      this.expectedChecksum = expectedChecksum;
      this.clock = clock;
      this.official = official;
      this.log = log;
    }

    Section section(String disposition, int latencyMs, ResultReader kiln, ResultReader other) throws Exception {
      List<ResultReader> readers = Arrays.asList(kiln, other);
      List<List<ReadRun>> measured = Arrays.asList(new ArrayList<>(), new ArrayList<>());
      long bytes = -1;
      int rounds = config.warmup + config.iterations;
      for (int round = 0; round < rounds; round++) {
        // Alternate who goes first, so neither always runs on a heap the other just filled.
        for (int k = 0; k < 2; k++) {
          int which = (round + k) % 2;
          ReadRun run = checked(readers.get(which), readers.get(which).read(BenchTable.QUERY, null));
          bytes = Math.max(bytes, run.resultBytes);
          if (round >= config.warmup) {
            measured.get(which).add(run);
          }
        }
      }
      long[] liveHeap = {-1, -1};
      if (config.heapProbe) {
        long perChunk = config.chunkRowCount();
        for (int which = 0; which < 2; which++) {
          HeapProbe probe = new HeapProbe(perChunk, perChunk / 2);
          checked(readers.get(which), readers.get(which).read(BenchTable.QUERY, probe));
          liveHeap[which] = probe.maxAboveBaseline();
        }
      }
      Section section = new Section(disposition, latencyMs, bytes,
          new Result(kiln.name(), measured.get(0), liveHeap[0]),
          new Result(other.name(), measured.get(1), liveHeap[1]));
      log.println(section.progressLine());
      return section;
    }

    private ReadRun checked(ResultReader reader, ReadRun run) {
      release(run.statementId);
      if (run.rows != config.rows || run.checksum != expectedChecksum) {
        throw new IllegalStateException(reader.name() + " read " + run.rows + " rows with checksum " + run.checksum
            + "; expected " + config.rows + " rows with checksum " + expectedChecksum);
      }
      return run;
    }

    /** Outside the timed region: lets the emulator drop the finished result (see {@link ShiftableClock}). */
    private void release(String statementId) {
      clock.advance(RETENTION.plusMinutes(1));
      official.statementExecution().getStatement(statementId);
    }
  }

  /** One variant's measured runs in a section. */
  static final class Result {
    final String name;
    final List<ReadRun> runs;
    /** Most live heap above the post-submit baseline during the probe pass, or -1 without a probe. */
    final long liveHeapBytes;

    Result(String name, List<ReadRun> runs, long liveHeapBytes) {
      this.name = name;
      this.runs = Collections.unmodifiableList(runs);
      this.liveHeapBytes = liveHeapBytes;
    }

    double medianTotalMs() {
      return median(runs, true);
    }

    double medianReadMs() {
      return median(runs, false);
    }

    double minTotalMs() {
      return runs.stream().mapToLong(ReadRun::totalNanos).min().orElse(0) / 1e6;
    }

    double maxTotalMs() {
      return runs.stream().mapToLong(ReadRun::totalNanos).max().orElse(0) / 1e6;
    }

    long rows() {
      return runs.get(0).rows;
    }

    long checksum() {
      return runs.get(0).checksum;
    }

    private static double median(List<ReadRun> runs, boolean total) {
      double[] ms = new double[runs.size()];
      for (int i = 0; i < ms.length; i++) {
        ms[i] = (total ? runs.get(i).totalNanos() : runs.get(i).readNanos) / 1e6;
      }
      Arrays.sort(ms);
      int mid = ms.length / 2;
      return ms.length % 2 == 1 ? ms[mid] : (ms[mid - 1] + ms[mid]) / 2;
    }
  }

  /** Kiln and the alternative under one disposition and link latency. */
  static final class Section {
    final String disposition;
    /** Injected per-download latency in ms; -1 when there are no downloads (INLINE). */
    final int latencyMs;
    final long resultBytes;
    final Result kiln;
    final Result other;

    Section(String disposition, int latencyMs, long resultBytes, Result kiln, Result other) {
      this.disposition = disposition;
      this.latencyMs = latencyMs;
      this.resultBytes = resultBytes;
      this.kiln = kiln;
      this.other = other;
    }

    double totalRatio() {
      return kiln.medianTotalMs() / other.medianTotalMs();
    }

    double readRatio() {
      return kiln.medianReadMs() / other.medianReadMs();
    }

    String label() {
      return disposition + (latencyMs < 0 ? "" : ", +" + latencyMs + " ms/link");
    }

    String progressLine() {
      return String.format(Locale.ROOT, "done: %s  Kiln/official total %.2f, read %.2f", label(), totalRatio(),
          readRatio());
    }
  }

  /** Everything one run measured. */
  static final class Report {
    final BenchConfig config;
    final List<Section> sections;
    final double seconds;

    Report(BenchConfig config, List<Section> sections, double seconds) {
      this.config = config;
      this.sections = Collections.unmodifiableList(sections);
      this.seconds = seconds;
    }

    void print(PrintStream out) {
      Runtime rt = Runtime.getRuntime();
      long bytes = sections.isEmpty() ? -1 : sections.get(0).resultBytes;
      out.println();
      out.printf(Locale.ROOT, "SQL result read: %,d rows x 4 columns (%s), %d chunks of %,d rows, JSON_ARRAY, %s%n",
          config.rows, BenchTable.COLUMNS, config.chunks, config.chunkRowCount(),
          bytes < 0 ? "size unknown" : String.format(Locale.ROOT, "%.1f MB", bytes / 1e6));
      out.printf(Locale.ROOT, "JVM %s, %d CPUs, max heap %d MB; emulator on 127.0.0.1 in the same JVM;"
              + " %d warm-up + %d measured rounds per section, variants interleaved; run took %.0f s%n",
          System.getProperty("java.version"), rt.availableProcessors(), rt.maxMemory() >> 20, config.warmup,
          config.iterations, seconds);
      out.println("total = statement call + reading every row; read = after the statement call returned."
          + " live heap = most heap held by the reader (full GC mid-chunk, above the post-submit baseline)");
      out.println();
      String row = "%-32s %-44s %20s %9s %12s %10s%n";
      out.printf(Locale.ROOT, row, "section", "variant", "total ms med [min-max]", "read ms", "rows/s total",
          "live heap");
      for (Section s : sections) {
        for (Result r : Arrays.asList(s.kiln, s.other)) {
          out.printf(Locale.ROOT, row, s.label(), r.name,
              String.format(Locale.ROOT, "%.0f [%.0f-%.0f]", r.medianTotalMs(), r.minTotalMs(), r.maxTotalMs()),
              String.format(Locale.ROOT, "%.0f", r.medianReadMs()),
              String.format(Locale.ROOT, "%,.0f", r.rows() / (r.medianTotalMs() / 1000)),
              r.liveHeapBytes < 0 ? "-" : String.format(Locale.ROOT, "%.1f MB", r.liveHeapBytes / 1e6));
        }
        out.printf(Locale.ROOT, "%-32s %-44s %20s %9s%n", "", "  ratio Kiln/official (time, <1 = Kiln faster)",
            String.format(Locale.ROOT, "%.2f", s.totalRatio()), String.format(Locale.ROOT, "%.2f", s.readRatio()));
      }
      out.println();
      out.println("every read returned " + String.format(Locale.ROOT, "%,d", config.rows)
          + " rows and the expected checksum; GC: " + gcSummary());
    }

    private static String gcSummary() {
      StringBuilder s = new StringBuilder();
      ManagementFactory.getGarbageCollectorMXBeans().forEach(gc ->
          s.append(s.length() == 0 ? "" : ", ").append(gc.getName()).append(' ').append(gc.getCollectionCount()));
      return s.toString();
    }
  }
}
