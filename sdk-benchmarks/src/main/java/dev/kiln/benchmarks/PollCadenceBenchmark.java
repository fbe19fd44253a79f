package dev.kiln.benchmarks;

import dev.kiln.core.DatabricksClient;
import dev.kiln.core.auth.Credentials;
import dev.kiln.execution.ExecutionClient;
import dev.kiln.execution.ExecutionContext;
import dev.kiln.execution.model.Language;
import dev.kiln.genie.GenieClient;
import dev.kiln.sql.SqlClient;
import dev.kiln.sql.model.StatementRequest;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/**
 * How soon Kiln notices that a long-running operation finished, and how often it asks meanwhile, with each
 * client's default options. For each kind — SQL statements ({@code submitAsync} with {@code waitTimeout(0)},
 * then {@code resultAsync()}), commands ({@code ExecutionContext.executeAsync} in one context on an always
 * RUNNING cluster) and Genie messages ({@code GenieClient.askAsync}) — {@code perKind} operations run at
 * once against a loopback fake ({@link FakeOperations}) that finishes operation {@code n} at its submit plus a
 * duration drawn uniformly from {@code minMs..maxMs} with a fixed seed (the same durations for every kind).
 * The fake records when each operation finished and every status request; the benchmark records when the
 * caller's future completed. Reported per kind: detection latency (completed minus finished) median, p90 and
 * max; status polls per operation (median) and the first one's delay after the submit (median); the most polls of one operation in any 1 s window and the shortest gap
 * between two of its polls. The goals: median at most 0.6 s, at most 2 polls per second.
 *
 * <p>Run: {@code java -cp <runtime classpath> dev.kiln.benchmarks.PollCadenceBenchmark [perKind=20]
 * [minMs=1000] [maxMs=6000] [seed=12] [kinds=statements,commands,genie] [warmup=3]} (see README.md).
 */
public final class PollCadenceBenchmark {
  static {
    if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
      System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    }
  }

  static final double GOAL_MEDIAN_MS = 600;
  static final int GOAL_POLLS_PER_SECOND = 2;

  private PollCadenceBenchmark() {}

  static final class Config {
    final int perKind;
    final int minMs;
    final int maxMs;
    final long seed;
    final List<FakeOperations.Kind> kinds;
    /** Untimed operations per kind before the measured ones (they finish at once), so class loading and JIT stay out. */
    final int warmup;

    Config(int perKind, int minMs, int maxMs, long seed, List<FakeOperations.Kind> kinds, int warmup) {
      if (perKind < 1 || minMs < 0 || maxMs < minMs || kinds.isEmpty() || warmup < 0) {
        throw new IllegalArgumentException("need perKind >= 1, 0 <= minMs <= maxMs, a kind and warmup >= 0");
      }
      this.warmup = warmup;
      this.perKind = perKind;
      this.minMs = minMs;
      this.maxMs = maxMs;
      this.seed = seed;
      this.kinds = Collections.unmodifiableList(new ArrayList<>(kinds));
    }

    static Config from(BenchArgs p) {
      List<FakeOperations.Kind> kinds = new ArrayList<>();
      for (String k : p.string("kinds", "statements,commands,genie").split(",")) {
        switch (k.trim().toLowerCase(Locale.ROOT)) {
          case "statements":
            kinds.add(FakeOperations.Kind.STATEMENT);
            break;
          case "commands":
            kinds.add(FakeOperations.Kind.COMMAND);
            break;
          case "genie":
            kinds.add(FakeOperations.Kind.GENIE);
            break;
          case "":
            break;
          default:
            throw new IllegalArgumentException("kinds are statements, commands, genie; got " + k);
        }
      }
      return new Config(p.integer("perKind", 20), p.integer("minMs", 1000), p.integer("maxMs", 6000),
          p.longValue("seed", 12), kinds, p.integer("warmup", 3));
    }

    /** Operation {@code n}'s run time; the same list for every kind. */
    int[] durationsMs() {
      Random random = new Random(seed);
      int[] out = new int[perKind];
      for (int i = 0; i < perKind; i++) {
        out[i] = minMs + random.nextInt(maxMs - minMs + 1);
      }
      return out;
    }
  }

  public static void main(String[] args) throws Exception {
    Config config = Config.from(BenchArgs.of(System.getProperties(), args));
    run(config, System.out).print(System.out);
  }

  static Report run(Config config, PrintStream log) throws Exception {
    int[] durations = config.durationsMs();
    FakeOperations fake = new FakeOperations((kind, tag) ->
        Duration.ofMillis(tag >= 0 && tag < durations.length ? durations[tag] : 0));
    long started = System.nanoTime();
    try (LoopbackServer server = LoopbackServer.start(8, fake);
        DatabricksClient db = DatabricksClient.builder()
            .host(server.host())
            .credentials(Credentials.personalAccessToken(CallOverheadBenchmark.TOKEN))
            .build()) {
      List<Section> sections = new ArrayList<>();
      for (FakeOperations.Kind kind : config.kinds) {
        Section section;
        switch (kind) {
          case STATEMENT: {
            SqlClient sql = SqlClient.create(db);
            section = measure(config, fake, kind, "SqlClient " + sql.options(), n -> sql.submitAsync(
                StatementRequest.builder()
                    .warehouseId("bench-warehouse")
                    .statement("SELECT 1 AS x -- op-" + n)
                    .waitTimeout(Duration.ZERO)
                    .build())
                .thenCompose(handle -> handle.resultAsync())
                .thenAccept(result -> result.close()));
            break;
          }
          case COMMAND: {
            ExecutionClient exec = ExecutionClient.create(db);
            ExecutionContext context = exec.createContextAsync("bench-cluster", Language.PYTHON)
                .get(60, TimeUnit.SECONDS);
            try {
              section = measure(config, fake, kind, "ExecutionClient " + exec.options(),
                  n -> context.executeAsync("print('op-" + n + "')").thenAccept(result -> { }));
            } finally {
              context.close();
            }
            break;
          }
          case GENIE: {
            GenieClient genie = GenieClient.create(db);
            section = measure(config, fake, kind, "GenieClient defaults",
                n -> genie.askAsync("bench-space", "How many? op-" + n).thenAccept(answer -> { }));
            break;
          }
          default:
            throw new IllegalStateException(kind.toString());
        }
        log.println(section.progressLine());
        sections.add(section);
      }
      return new Report(config, durations, sections, (System.nanoTime() - started) / 1e9);
    }
  }

  /** Starts {@code perKind} operations at once, waits for all, and matches what the client saw to the fake. */
  private static Section measure(Config config, FakeOperations fake, FakeOperations.Kind kind, String client,
      IntFunction<CompletableFuture<Void>> start) throws Exception {
    // warm-up: operations without a tag (n = -1) finish at once on the fake and are left out below
    List<CompletableFuture<Void>> warmups = new ArrayList<>();
    for (int i = 0; i < config.warmup; i++) {
      warmups.add(start.apply(-1));
    }
    CompletableFuture.allOf(warmups.toArray(new CompletableFuture<?>[0])).get(120, TimeUnit.SECONDS);
    ConcurrentHashMap<Integer, Long> seen = new ConcurrentHashMap<>();
    List<CompletableFuture<Void>> waits = new ArrayList<>();
    for (int n = 0; n < config.perKind; n++) {
      int tag = n;
      waits.add(start.apply(n).whenComplete((v, e) -> {
        if (e == null) {
          seen.put(tag, System.nanoTime());
        }
      }));
    }
    CompletableFuture.allOf(waits.toArray(new CompletableFuture<?>[0])).get(config.maxMs + 120_000L,
        TimeUnit.MILLISECONDS);
    List<Outcome> outcomes = new ArrayList<>();
    for (FakeOperations.Op op : fake.ops(kind)) {
      if (op.tag < 0) {
        continue; // a warm-up operation
      }
      Long at = seen.get(op.tag);
      if (at == null) {
        throw new IllegalStateException(kind + " op-" + op.tag + " completed without the caller seeing it");
      }
      outcomes.add(new Outcome(op, at));
    }
    if (outcomes.size() != config.perKind) {
      throw new IllegalStateException("the fake saw " + outcomes.size() + " " + kind + " submits, expected "
          + config.perKind);
    }
    return new Section(kind, client, outcomes);
  }

  /** One operation: when it finished on the fake, when the caller saw it, and its status polls. */
  static final class Outcome {
    final FakeOperations.Op op;
    final long seenNanos;
    final List<Long> polls;

    Outcome(FakeOperations.Op op, long seenNanos) {
      this.op = op;
      this.seenNanos = seenNanos;
      this.polls = op.polls();
      Collections.sort(this.polls);
    }

    double detectionMs() {
      return (seenNanos - op.finishNanos) / 1e6;
    }

    /** Most polls within any window of one second (half open, starting at a poll). */
    int maxPollsPerSecond() {
      int best = 0;
      int j = 0;
      for (int i = 0; i < polls.size(); i++) {
        while (j < polls.size() && polls.get(j) - polls.get(i) < 1_000_000_000L) {
          j++;
        }
        best = Math.max(best, j - i);
      }
      return best;
    }

    /** From the submit's arrival to the first status poll, or -1 without polls. */
    double firstPollMs() {
      return polls.isEmpty() ? -1 : (polls.get(0) - op.submitNanos) / 1e6;
    }

    /** Shortest gap between two polls, or -1 with fewer than two. */
    double minGapMs() {
      long min = Long.MAX_VALUE;
      for (int i = 1; i < polls.size(); i++) {
        min = Math.min(min, polls.get(i) - polls.get(i - 1));
      }
      return min == Long.MAX_VALUE ? -1 : min / 1e6;
    }
  }

  static final class Section {
    final FakeOperations.Kind kind;
    final String client;
    final List<Outcome> outcomes;

    Section(FakeOperations.Kind kind, String client, List<Outcome> outcomes) {
      this.kind = kind;
      this.client = client;
      this.outcomes = Collections.unmodifiableList(outcomes);
    }

    private long[] detectionMicros() {
      return outcomes.stream().mapToLong(o -> Math.round(o.detectionMs() * 1000)).toArray();
    }

    double medianMs() {
      double[] ms = outcomes.stream().mapToDouble(Outcome::detectionMs).toArray();
      return Stats.median(ms);
    }

    double p90Ms() {
      return Stats.percentile(detectionMicros(), 90) / 1000;
    }

    double maxMs() {
      return Arrays.stream(detectionMicros()).max().orElse(0) / 1000.0;
    }

    double medianPolls() {
      return Stats.median(outcomes.stream().mapToDouble(o -> o.polls.size()).toArray());
    }

    double medianFirstPollMs() {
      return Stats.median(outcomes.stream().mapToDouble(Outcome::firstPollMs).toArray());
    }

    int maxPollsPerSecond() {
      return outcomes.stream().mapToInt(Outcome::maxPollsPerSecond).max().orElse(0);
    }

    double minGapMs() {
      return outcomes.stream().mapToDouble(Outcome::minGapMs).filter(g -> g >= 0).min().orElse(-1);
    }

    String label() {
      switch (kind) {
        case STATEMENT:
          return "statements";
        case COMMAND:
          return "commands";
        default:
          return "Genie messages";
      }
    }

    String progressLine() {
      return String.format(Locale.ROOT, "done: %s  detection median %.0f ms, max %d polls/s", label(), medianMs(),
          maxPollsPerSecond());
    }
  }

  static final class Report {
    final Config config;
    final int[] durationsMs;
    final List<Section> sections;
    final double seconds;

    Report(Config config, int[] durationsMs, List<Section> sections, double seconds) {
      this.config = config;
      this.durationsMs = durationsMs;
      this.sections = Collections.unmodifiableList(sections);
      this.seconds = seconds;
    }

    void print(PrintStream out) {
      out.println();
      out.printf(Locale.ROOT, "Poll cadence: %d operations per kind at once, each finishing %d-%d ms after its submit"
              + " (uniform, seed %d; %.1f s median), default client options%n", config.perKind, config.minMs,
          config.maxMs, config.seed, Stats.median(Arrays.stream(durationsMs).asDoubleStream().toArray()) / 1000);
      out.printf(Locale.ROOT, "JVM %s, %d CPUs; loopback fake; detection = caller's future completed minus the"
              + " fake's finish time; run took %.0f s%n", System.getProperty("java.version"),
          Runtime.getRuntime().availableProcessors(), seconds);
      out.println();
      String row = "%-16s %11s %8s %8s %10s %13s %11s %13s  %s%n";
      out.printf(Locale.ROOT, row, "kind", "median ms", "p90 ms", "max ms", "polls/op", "max polls/1s", "min gap ms",
          "1st poll ms",
          "goals (median <= 600 ms, <= 2 polls/s)");
      for (Section s : sections) {
        boolean fast = s.medianMs() <= GOAL_MEDIAN_MS;
        boolean gentle = s.maxPollsPerSecond() <= GOAL_POLLS_PER_SECOND;
        out.printf(Locale.ROOT, row, s.label(),
            String.format(Locale.ROOT, "%.0f", s.medianMs()),
            String.format(Locale.ROOT, "%.0f", s.p90Ms()),
            String.format(Locale.ROOT, "%.0f", s.maxMs()),
            String.format(Locale.ROOT, "%.1f", s.medianPolls()),
            s.maxPollsPerSecond(),
            String.format(Locale.ROOT, "%.0f", s.minGapMs()),
            String.format(Locale.ROOT, "%.0f", s.medianFirstPollMs()),
            (fast ? "median met" : "median NOT met") + ", " + (gentle ? "rate met" : "rate NOT met"));
      }
      out.println();
      for (Section s : sections) {
        out.println(s.label() + ": " + s.client);
      }
    }
  }
}
