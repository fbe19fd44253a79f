package dev.kiln.benchmarks;

import com.databricks.sdk.WorkspaceClient;
import dev.kiln.core.DatabricksClient;
import dev.kiln.core.auth.Credentials;
import dev.kiln.emulator.Fault;
import dev.kiln.emulator.InjectedFault;
import dev.kiln.emulator.LocalWorkspace;
import dev.kiln.sql.SqlClient;
import dev.kiln.sql.StatementFailedException;
import dev.kiln.sql.model.Disposition;
import dev.kiln.sql.model.Format;
import dev.kiln.sql.model.ResultCompression;
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
 * Reads the same multi-chunk SQL result with Kiln (JSON_ARRAY and LZ4 ARROW_STREAM, default options), with the
 * raw baseline ({@link RawReader}, 4 and 16 threads) and with what a user would write with the official
 * Databricks Java SDK, in one run against one {@link LocalWorkspace}, and prints median times, rows/s, per-round
 * rows/s ratios, JVM CPU per row and the live heap each reader needs. External-link downloads get extra latency
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
    ShiftableClock clock = new ShiftableClock();
    long started = System.nanoTime();
    try (LocalWorkspace ws = LocalWorkspace.builder()
        .chunkRowCount(config.chunkRowCount())
        .clock(clock)
        .resultRetention(RETENTION)
        .start();
        RawReader raw4 = new RawReader(ws.host(), ws.token(), ws.defaultWarehouseId(), 4);
        RawReader raw16 = new RawReader(ws.host(), ws.token(), ws.defaultWarehouseId(), 16)) {
      if (config.mixed || config.inline) {
        ws.sql().execute(BenchTable.createStatement(config.rows));
      }
      if (config.numeric || config.replay) {
        ws.sql().execute(BenchTable.createNumericStatement(config.rows));
      }
      String warehouse = ws.defaultWarehouseId();
      SqlClient kiln = SqlClient.create(ws.client());
      KilnReader kilnJson = new KilnReader(kiln, warehouse, Disposition.EXTERNAL_LINKS, Format.JSON_ARRAY);
      KilnReader kilnArrow = new KilnReader(kiln, warehouse, Disposition.EXTERNAL_LINKS, Format.ARROW_STREAM);
      WorkspaceClient official = OfficialSdkReaders.client(ws.host(), ws.token());
      HttpClient http = HttpClient.newHttpClient();
      Runner runner = new Runner(config, clock, official, log);

      List<Section> sections = new ArrayList<>();
      for (int latency : config.mixed ? config.latenciesMs : List.<Integer>of()) {
        InjectedFault fault = latency == 0 ? null
            : ws.faults().inject(Fault.latency(Duration.ofMillis(latency)).on("GET", EXTERNAL_LINK_PATH));
        try {
          sections.add(runner.section("EXTERNAL_LINKS", BenchQuery.MIXED, latency, Arrays.asList(kilnJson, kilnArrow,
              raw4, raw16, new OfficialSdkReaders.ExternalLinks(official, warehouse, http))));
        } finally {
          if (fault != null) {
            fault.remove();
          }
        }
      }
      if (config.numeric) {
        sections.add(runner.section("EXTERNAL_LINKS", BenchQuery.NUMERIC, 0, Arrays.asList(kilnJson, kilnArrow,
            new KilnReader(kiln, warehouse, Disposition.EXTERNAL_LINKS, Format.ARROW_STREAM, ResultCompression.NONE),
            raw16)));
      }
      if (config.replay) {
        sections.addAll(replaySections(ws, config, runner));
      }
      if (config.inline) {
        try {
          sections.add(runner.section("INLINE", BenchQuery.MIXED, -1, Arrays.asList(
              new KilnReader(kiln, warehouse, Disposition.INLINE, Format.JSON_ARRAY),
              new OfficialSdkReaders.Inline(official, warehouse))));
        } catch (StatementFailedException e) {
          // INLINE results stop at 25 MiB (INLINE_RESULT_TOO_LARGE): keep what the other sections measured.
          log.println("INLINE skipped: " + e.getMessage());
        }
      }
      return new Report(config, sections, (System.nanoTime() - started) / 1_000_000_000.0);
    }
  }

  /**
   * The numeric result rendered once per format by the emulator and then served from memory by a {@link
   * ReplayServer}: Kiln JSON_ARRAY, ARROW_STREAM with and without LZ4, and raw 16 read the same stored bytes. One
   * section per replayed chunk size; a size other than the run's own is rendered by a second emulator started for it.
   */
  private static List<Section> replaySections(LocalWorkspace ws, BenchConfig config, Runner runner) throws Exception {
    List<Section> sections = new ArrayList<>();
    for (int chunkRows : config.replayedChunkRows()) {
      if (chunkRows == config.chunkRowCount()) {
        sections.add(replaySection(ws, chunkRows, runner));
      } else {
        try (LocalWorkspace other = LocalWorkspace.builder().chunkRowCount(chunkRows).start()) {
          other.sql().execute(BenchTable.createNumericStatement(config.rows));
          sections.add(replaySection(other, chunkRows, runner));
        }
      }
    }
    return sections;
  }

  private static Section replaySection(LocalWorkspace ws, int chunkRows, Runner runner) throws Exception {
    try (ReplayServer replay = ReplayServer.start();
        DatabricksClient client = DatabricksClient.builder()
            .host(replay.host())
            .credentials(Credentials.personalAccessToken("replay"))
            .build();
        RawReader raw16 = new RawReader(replay.host(), "replay", "replay", 16)) {
      String sql = BenchQuery.NUMERIC.sql;
      replay.record(ws.host(), ws.token(), ws.defaultWarehouseId(), sql, "JSON_ARRAY", "NONE");
      replay.record(ws.host(), ws.token(), ws.defaultWarehouseId(), sql, "ARROW_STREAM", "LZ4_FRAME");
      replay.record(ws.host(), ws.token(), ws.defaultWarehouseId(), sql, "ARROW_STREAM", "NONE");
      SqlClient kiln = SqlClient.create(client);
      return runner.section("REPLAYED", BenchQuery.NUMERIC, 0, chunkRows, Arrays.asList(
          new KilnReader(kiln, "replay", Disposition.EXTERNAL_LINKS, Format.JSON_ARRAY),
          new KilnReader(kiln, "replay", Disposition.EXTERNAL_LINKS, Format.ARROW_STREAM),
          new KilnReader(kiln, "replay", Disposition.EXTERNAL_LINKS, Format.ARROW_STREAM, ResultCompression.NONE),
          raw16));
    }
  }

  /** Runs the readers of one section, interleaved, and checks every read. */
  private static final class Runner {
    private final BenchConfig config;
    private final ShiftableClock clock;
    private final WorkspaceClient official;
    private final PrintStream log;

    Runner(BenchConfig config, ShiftableClock clock, WorkspaceClient official, PrintStream log) {
      this.config = config;
      this.clock = clock;
      this.official = official;
      this.log = log;
    }

    Section section(String disposition, BenchQuery query, int latencyMs, List<ResultReader> readers)
        throws Exception {
      return section(disposition, query, latencyMs, config.chunkRowCount(), readers);
    }

    Section section(String disposition, BenchQuery query, int latencyMs, int chunkRows, List<ResultReader> readers)
        throws Exception {
      long expected = query.expectedChecksum(config.rows);
      int n = readers.size();
      List<List<ReadRun>> measured = new ArrayList<>();
      List<List<Long>> cpu = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        measured.add(new ArrayList<>());
        cpu.add(new ArrayList<>());
      }
      long bytes = -1;
      int rounds = config.warmup + config.iterations;
      for (int round = 0; round < rounds; round++) {
        // Rotate who goes first, so no variant always runs on a heap another just filled.
        for (int k = 0; k < n; k++) {
          int which = (round + k) % n;
          ResultReader reader = readers.get(which);
          long cpuBefore = processCpuNanos();
          ReadRun run = reader.read(query, null);
          long cpuUsed = processCpuNanos() - cpuBefore;
          checked(reader, run, expected);
          bytes = Math.max(bytes, run.resultBytes);
          if (round >= config.warmup) {
            measured.get(which).add(run);
            cpu.get(which).add(cpuUsed);
          }
        }
      }
      long[] liveHeap = new long[n];
      Arrays.fill(liveHeap, -1);
      if (config.heapProbe) {
        long perChunk = chunkRows;
        for (int which = 0; which < n; which++) {
          HeapProbe probe = new HeapProbe(perChunk, perChunk / 2);
          checked(readers.get(which), readers.get(which).read(query, probe), expected);
          liveHeap[which] = probe.maxAboveBaseline();
        }
      }
      List<Result> results = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        results.add(new Result(readers.get(i).name(), measured.get(i), cpu.get(i), liveHeap[i]));
      }
      Section section = new Section(disposition, query, latencyMs, chunkRows, bytes, results);
      log.println("done: " + section.label());
      return section;
    }

    private ReadRun checked(ResultReader reader, ReadRun run, long expected) {
      release(run.statementId);
      if (run.rows != config.rows || run.checksum != expected) {
        throw new IllegalStateException(reader.name() + " read " + run.rows + " rows with checksum " + run.checksum
            + "; expected " + config.rows + " rows with checksum " + expected);
      }
      return run;
    }

    /** Outside the timed region: lets the emulator drop the finished result (see {@link ShiftableClock}). */
    private void release(String statementId) {
      if (statementId.startsWith("replay-")) {
        return; // served from memory, nothing to drop
      }
      clock.advance(RETENTION.plusMinutes(1));
      official.statementExecution().getStatement(statementId);
    }
  }

  /** CPU time of the whole JVM (every thread: the reader's, the HTTP client's and the in-process emulator's). */
  static long processCpuNanos() {
    java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    return os instanceof com.sun.management.OperatingSystemMXBean
        ? ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime() : 0;
  }

  /** One variant's measured runs in a section. */
  static final class Result {
    final String name;
    final List<ReadRun> runs;
    /** JVM CPU nanoseconds of each measured run, in the order of {@link #runs}. */
    final List<Long> cpuNanos;
    /** Most live heap above the post-submit baseline during the probe pass, or -1 without a probe. */
    final long liveHeapBytes;

    Result(String name, List<ReadRun> runs, List<Long> cpuNanos, long liveHeapBytes) {
      this.name = name;
      this.runs = Collections.unmodifiableList(runs);
      this.cpuNanos = Collections.unmodifiableList(cpuNanos);
      this.liveHeapBytes = liveHeapBytes;
    }

    double medianTotalMs() {
      return Stats.median(runs.stream().mapToDouble(r -> r.totalNanos() / 1e6).toArray());
    }

    double medianReadMs() {
      return Stats.median(runs.stream().mapToDouble(r -> r.readNanos / 1e6).toArray());
    }

    double minTotalMs() {
      return runs.stream().mapToLong(ReadRun::totalNanos).min().orElse(0) / 1e6;
    }

    double maxTotalMs() {
      return runs.stream().mapToLong(ReadRun::totalNanos).max().orElse(0) / 1e6;
    }

    /** Median JVM CPU nanoseconds per row, whole read (statement call included: the emulator renders the result). */
    double cpuNanosPerRow() {
      return Stats.median(cpuNanos.stream().mapToDouble(c -> c / (double) rows()).toArray());
    }

    /** Median JVM CPU nanoseconds per row of the read phase (downloads, serving them, parsing, typed reads). */
    double readCpuNanosPerRow() {
      return Stats.median(runs.stream().mapToDouble(r -> r.readCpuNanos / (double) rows()).toArray());
    }

    long rows() {
      return runs.get(0).rows;
    }

    long checksum() {
      return runs.get(0).checksum;
    }
  }

  /** Every variant under one disposition, query and link latency. */
  static final class Section {
    final String disposition;
    final BenchQuery query;
    /** Injected per-download latency in ms; -1 when there are no downloads (INLINE). */
    final int latencyMs;
    /** Rows per chunk the result was cut into. */
    final int chunkRows;
    final long resultBytes;
    final List<Result> results;

    Section(String disposition, BenchQuery query, int latencyMs, int chunkRows, long resultBytes, List<Result> results) {
      this.disposition = disposition;
      this.query = query;
      this.latencyMs = latencyMs;
      this.chunkRows = chunkRows;
      this.resultBytes = resultBytes;
      this.results = Collections.unmodifiableList(results);
    }

    Result result(String prefix) {
      return results.stream().filter(r -> r.name.startsWith(prefix)).findFirst().orElse(null);
    }

    /**
     * Rows/s of {@code a} over rows/s of {@code b}, per measured round (round i of each: they ran back to back),
     * as "median [min-max]".
     */
    static double[] rowsPerSecondRatios(Result a, Result b, boolean readPhase) {
      int n = Math.min(a.runs.size(), b.runs.size());
      double[] out = new double[n];
      for (int i = 0; i < n; i++) {
        out[i] = readPhase ? b.runs.get(i).readNanos / (double) a.runs.get(i).readNanos
            : b.runs.get(i).totalNanos() / (double) a.runs.get(i).totalNanos();
      }
      return out;
    }

    String label() {
      // Only replayed sections may differ from the run's chunk size, so only they name theirs.
      return disposition + (query.numeric ? " numeric" : "")
          + ("REPLAYED".equals(disposition) ? String.format(Locale.ROOT, ", %,d-row chunks", chunkRows) : "")
          + (latencyMs < 0 ? "" : ", +" + latencyMs + " ms/link");
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
      out.printf(Locale.ROOT, "SQL result read: %,d rows x 4 columns, %d chunks of %,d rows (mixed table: %s JSON)%n",
          config.rows, config.chunks, config.chunkRowCount(),
          bytes < 0 ? "size unknown" : String.format(Locale.ROOT, "%.1f MB", bytes / 1e6));
      out.printf(Locale.ROOT, "JVM %s, %d CPUs, max heap %d MB; emulator on 127.0.0.1 in the same JVM;"
              + " %d warm-up + %d measured rounds per section, variants interleaved; run took %.0f s%n",
          System.getProperty("java.version"), rt.availableProcessors(), rt.maxMemory() >> 20, config.warmup,
          config.iterations, seconds);
      out.println("total = statement call + reading every row; read = after the statement call returned;"
          + " CPU = JVM process CPU per row, total / read phase (includes the in-process emulator); live heap = most heap held by the reader (full GC mid-chunk, above the"
          + " post-submit baseline)");
      out.println();
      String row = "%-50s %-50s %20s %8s %12s %12s %10s%n";
      out.printf(Locale.ROOT, row, "section", "variant", "total ms med [min-max]", "read ms", "rows/s total",
          "CPU ns/row", "live heap");
      for (Section s : sections) {
        for (Result r : s.results) {
          out.printf(Locale.ROOT, row, s.label(), r.name,
              String.format(Locale.ROOT, "%.0f [%.0f-%.0f]", r.medianTotalMs(), r.minTotalMs(), r.maxTotalMs()),
              String.format(Locale.ROOT, "%.0f", r.medianReadMs()),
              String.format(Locale.ROOT, "%,.0f", r.rows() / (r.medianTotalMs() / 1000)),
              String.format(Locale.ROOT, "%.0f / %.0f", r.cpuNanosPerRow(), r.readCpuNanosPerRow()),
              r.liveHeapBytes < 0 ? "-" : String.format(Locale.ROOT, "%.1f MB", r.liveHeapBytes / 1e6));
        }
        Result json = s.result("Kiln JSON_ARRAY");
        ratio(out, s, "rows/s Kiln JSON / raw 16", json, s.result("raw HttpClient + Jackson streaming, 16"));
        ratio(out, s, "rows/s Kiln JSON / raw 4", json, s.result("raw HttpClient + Jackson streaming, 4 "));
        ratio(out, s, "rows/s Kiln JSON / official loop", json, s.result("official"));
        ratio(out, s, "rows/s Kiln ARROW+LZ4 / Kiln JSON", s.result("Kiln ARROW_STREAM+LZ4"), json);
        ratio(out, s, "rows/s Kiln ARROW, no compression / Kiln JSON", s.result("Kiln ARROW_STREAM, no"), json);
        ratio(out, s, "rows/s Kiln ARROW+LZ4 / raw 16", s.result("Kiln ARROW_STREAM+LZ4"),
            s.result("raw HttpClient + Jackson streaming, 16"));
        Result raw16 = s.result("raw HttpClient + Jackson streaming, 16");
        if (json != null && raw16 != null) {
          out.printf(Locale.ROOT, "%-50s %-50s %20s%n", "", "  CPU/row Kiln JSON / raw 16 (median, total / read)",
              String.format(Locale.ROOT, "%.2f / %.2f", json.cpuNanosPerRow() / raw16.cpuNanosPerRow(),
                  json.readCpuNanosPerRow() / raw16.readCpuNanosPerRow()));
        }
        for (Result arrow : new Result[] {s.result("Kiln ARROW_STREAM+LZ4"), s.result("Kiln ARROW_STREAM, no")}) {
          if (json != null && arrow != null) {
            out.printf(Locale.ROOT, "%-50s %-50s %20s%n", "", "  CPU/row " + arrow.name.substring(0, arrow.name.indexOf(" ("))
                    + " / Kiln JSON (total / read)",
                String.format(Locale.ROOT, "%.2f / %.2f", arrow.cpuNanosPerRow() / json.cpuNanosPerRow(),
                    arrow.readCpuNanosPerRow() / json.readCpuNanosPerRow()));
          }
        }
      }
      out.println();
      out.println("every read returned " + String.format(Locale.ROOT, "%,d", config.rows)
          + " rows and the expected checksum; GC: " + gcSummary());
    }

    private static void ratio(PrintStream out, Section s, String what, Result a, Result b) {
      if (a != null && b != null) {
        out.printf(Locale.ROOT, "%-50s %-50s %20s%n", "", "  " + what + " total (per round)",
            Stats.ratioSummary(Section.rowsPerSecondRatios(a, b, false)));
        out.printf(Locale.ROOT, "%-50s %-50s %20s%n", "", "  " + what + " read phase (per round)",
            Stats.ratioSummary(Section.rowsPerSecondRatios(a, b, true)));
      }
    }

    private static String gcSummary() {
      StringBuilder s = new StringBuilder();
      ManagementFactory.getGarbageCollectorMXBeans().forEach(gc ->
          s.append(s.length() == 0 ? "" : ", ").append(gc.getName()).append(' ').append(gc.getCollectionCount()));
      return s.toString();
    }
  }
}
