package dev.kiln.benchmarks;

import com.databricks.sdk.WorkspaceClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kiln.core.ApiRequest;
import dev.kiln.core.DatabricksClient;
import dev.kiln.core.auth.Credentials;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToDoubleFunction;

/**
 * The cost of one small GET: the same {@code GET /api/2.0/sql/statements/{id}} against a loopback JDK
 * {@code HttpServer} that answers a fixed 284-byte JSON body, sent four ways in one run:
 * <ol>
 *   <li>raw: JDK {@code HttpClient.send} (HTTP/1.1, as Kiln uses) and Jackson {@code readTree} — the floor;</li>
 *   <li>Kiln {@code DatabricksClient.call(ApiRequest.get(..).build(), JsonNode.class)}, blocking;</li>
 *   <li>Kiln {@code callAsync(..)} joined on the caller's thread;</li>
 *   <li>the official Databricks Java SDK, {@code WorkspaceClient.statementExecution().getStatement(id)}.</li>
 * </ol>
 * Each mode (1 caller, then N caller threads) runs warm-up rounds and then measured rounds; a round sends
 * {@code calls} GETs through every variant, the variants one after the other in an order that rotates per
 * round. Reported per variant: p50/p90 latency over all measured calls and calls/s; per mode the ratios
 * Kiln/raw (latency) and Kiln/official (latency and calls/s), each as the median of the per-round ratios
 * with their range. The goal: Kiln blocking p50 at most 1.1 times raw.
 *
 * <p>Run: {@code java -cp <runtime classpath> dev.kiln.benchmarks.CallOverheadBenchmark [calls=3000]
 * [threads=1,8] [warmup=3] [rounds=7] [serverThreads=8]} (see README.md).
 */
public final class CallOverheadBenchmark {
  static {
    if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
      System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    }
  }

  static final String TOKEN = "dapi-bench-token";
  static final String STATEMENT_ID = "01ef0000-bench-0000-0000-000000000001";
  private static final String TEMPLATE = "/api/2.0/sql/statements/{statement_id}";
  private static final String ANSWER = "{\"statement_id\":\"" + STATEMENT_ID + "\",\"status\":{\"state\":\"SUCCEEDED\"},"
      + "\"manifest\":{\"format\":\"JSON_ARRAY\",\"schema\":{\"column_count\":1,\"columns\":[{\"name\":\"x\","
      + "\"position\":0,\"type_name\":\"INT\",\"type_text\":\"INT\"}]},\"total_chunk_count\":0,"
      + "\"total_row_count\":0,\"truncated\":false}}";

  static final int RAW = 0;
  static final int KILN = 1;
  static final int KILN_ASYNC = 2;
  static final int OFFICIAL = 3;

  private CallOverheadBenchmark() {}

  /** Parameters; {@code bench.*} properties or {@code key=value} arguments. */
  static final class Config {
    /** GETs per variant per round (split evenly over the caller threads). */
    final int calls;
    /** Caller thread counts, one mode each. */
    final List<Integer> threads;
    final int warmup;
    final int rounds;
    /** Handler threads of the loopback server. */
    final int serverThreads;

    Config(int calls, List<Integer> threads, int warmup, int rounds, int serverThreads) {
      if (calls < 1 || threads.isEmpty() || warmup < 0 || rounds < 1 || serverThreads < 1) {
        throw new IllegalArgumentException("need calls >= 1, a thread count, warmup >= 0, rounds >= 1, serverThreads >= 1");
      }
      for (int t : threads) {
        if (t < 1 || t > calls) {
          throw new IllegalArgumentException("thread counts must be 1..calls: " + threads);
        }
      }
      this.calls = calls;
      this.threads = Collections.unmodifiableList(new ArrayList<>(threads));
      this.warmup = warmup;
      this.rounds = rounds;
      this.serverThreads = serverThreads;
    }

    static Config from(BenchArgs p) {
      return new Config(p.integer("calls", 3000), p.integers("threads", "1,8"), p.integer("warmup", 3),
          p.integer("rounds", 7), p.integer("serverThreads", 8));
    }

    @Override
    public String toString() {
      return "calls=" + calls + " threads=" + threads + " warmup=" + warmup + " rounds=" + rounds
          + " serverThreads=" + serverThreads;
    }
  }

  public static void main(String[] args) throws Exception {
    Config config = Config.from(BenchArgs.of(System.getProperties(), args));
    run(config, System.out).print(System.out);
  }

  /** One way of sending the GET; {@link #call} fails unless the answer names the statement. */
  interface Caller {
    String name();

    void call() throws Exception;
  }

  static Report run(Config config, PrintStream log) throws Exception {
    byte[] answer = ANSWER.getBytes(StandardCharsets.UTF_8);
    long started = System.nanoTime();
    try (LoopbackServer server = LoopbackServer.start(config.serverThreads, exchange -> {
      LoopbackServer.body(exchange);
      LoopbackServer.send(exchange, 200, answer);
    }); DatabricksClient kiln = DatabricksClient.builder()
        .host(server.host())
        .credentials(Credentials.personalAccessToken(TOKEN))
        .build()) {
      List<Caller> callers = callers(server.host(), kiln);
      List<Mode> modes = new ArrayList<>();
      for (int threads : config.threads) {
        Mode mode = measure(config, threads, callers);
        log.println(mode.progressLine());
        modes.add(mode);
      }
      return new Report(config, answer.length, modes, (System.nanoTime() - started) / 1e9);
    }
  }

  private static List<Caller> callers(String host, DatabricksClient kiln) {
    ObjectMapper mapper = new ObjectMapper();
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    URI uri = URI.create(host + TEMPLATE.replace("{statement_id}", STATEMENT_ID));
    WorkspaceClient official = OfficialSdkReaders.client(host, TOKEN);
    ApiRequest kilnGet = ApiRequest.get(TEMPLATE, STATEMENT_ID).build();
    Caller raw = new Caller() {
      @Override
      public String name() {
        return "raw JDK HttpClient.send + Jackson";
      }

      @Override
      public void call() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(uri)
            .header("Authorization", "Bearer " + TOKEN)
            .header("Accept", "application/json")
            .GET()
            .build();
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
          throw new IllegalStateException("HTTP " + response.statusCode());
        }
        check(mapper.readTree(response.body()).path("statement_id").asText());
      }
    };
    Caller blocking = new Caller() {
      @Override
      public String name() {
        return "Kiln DatabricksClient.call (blocking)";
      }

      @Override
      public void call() {
        check(kiln.call(kilnGet, JsonNode.class).path("statement_id").asText());
      }
    };
    Caller async = new Caller() {
      @Override
      public String name() {
        return "Kiln callAsync(..).join()";
      }

      @Override
      public void call() {
        check(kiln.callAsync(kilnGet, JsonNode.class).join().path("statement_id").asText());
      }
    };
    Caller sdk = new Caller() {
      @Override
      public String name() {
        return "official SDK getStatement(id)";
      }

      @Override
      public void call() {
        check(official.statementExecution().getStatement(STATEMENT_ID).getStatementId());
      }
    };
    return Arrays.asList(raw, blocking, async, sdk); // indexes RAW, KILN, KILN_ASYNC, OFFICIAL
  }

  private static void check(String statementId) {
    if (!STATEMENT_ID.equals(statementId)) {
      throw new IllegalStateException("wrong answer: statement_id " + statementId);
    }
  }

  /** Warm-up and measured rounds of every variant with {@code threads} callers. */
  private static Mode measure(Config config, int threads, List<Caller> callers) throws Exception {
    AtomicInteger n = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "bench-caller-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    try {
      List<List<Batch>> measured = new ArrayList<>();
      for (int i = 0; i < callers.size(); i++) {
        measured.add(new ArrayList<>());
      }
      for (int round = 0; round < config.warmup + config.rounds; round++) {
        for (int k = 0; k < callers.size(); k++) {
          int which = (round + k) % callers.size(); // rotate who goes first
          Batch batch = batch(pool, threads, config.calls, callers.get(which));
          if (round >= config.warmup) {
            measured.get(which).add(batch);
          }
        }
      }
      List<Variant> variants = new ArrayList<>();
      for (int i = 0; i < callers.size(); i++) {
        variants.add(new Variant(callers.get(i).name(), measured.get(i)));
      }
      return new Mode(threads, variants);
    } finally {
      pool.shutdownNow();
    }
  }

  /** {@code calls} GETs through one variant, split over {@code threads} callers that start together. */
  private static Batch batch(ExecutorService pool, int threads, int calls, Caller caller) throws Exception {
    long[] latencies = new long[calls];
    CountDownLatch ready = new CountDownLatch(threads);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<?>> workers = new ArrayList<>();
    int per = calls / threads;
    for (int t = 0; t < threads; t++) {
      int from = t * per;
      int to = t == threads - 1 ? calls : from + per;
      workers.add(pool.submit(() -> {
        ready.countDown();
        go.await();
        for (int i = from; i < to; i++) {
          long start = System.nanoTime();
          caller.call();
          latencies[i] = System.nanoTime() - start;
        }
        return null;
      }));
    }
    ready.await();
    long start = System.nanoTime();
    go.countDown();
    for (Future<?> w : workers) {
      w.get();
    }
    return new Batch(latencies, System.nanoTime() - start);
  }

  /** One variant's calls in one round. */
  static final class Batch {
    final long[] latencyNanos;
    final long wallNanos;

    Batch(long[] latencyNanos, long wallNanos) {
      this.latencyNanos = latencyNanos;
      this.wallNanos = wallNanos;
    }

    double p50Micros() {
      return Stats.percentile(latencyNanos, 50) / 1e3;
    }

    double p90Micros() {
      return Stats.percentile(latencyNanos, 90) / 1e3;
    }

    double callsPerSecond() {
      return latencyNanos.length / (wallNanos / 1e9);
    }
  }

  /** One variant's measured rounds in one mode. */
  static final class Variant {
    final String name;
    final List<Batch> rounds;

    Variant(String name, List<Batch> rounds) {
      this.name = name;
      this.rounds = Collections.unmodifiableList(rounds);
    }

    long[] allLatencies() {
      return rounds.stream().flatMapToLong(b -> Arrays.stream(b.latencyNanos)).toArray();
    }

    double p50Micros() {
      return Stats.percentile(allLatencies(), 50) / 1e3;
    }

    double p90Micros() {
      return Stats.percentile(allLatencies(), 90) / 1e3;
    }

    double callsPerSecond() {
      long calls = rounds.stream().mapToLong(b -> b.latencyNanos.length).sum();
      long nanos = rounds.stream().mapToLong(b -> b.wallNanos).sum();
      return calls / (nanos / 1e9);
    }
  }

  /** Every variant with one number of callers. */
  static final class Mode {
    final int threads;
    final List<Variant> variants;

    Mode(int threads, List<Variant> variants) {
      this.threads = threads;
      this.variants = Collections.unmodifiableList(variants);
    }

    /** Per-round ratio of one figure, numerator variant over denominator variant. */
    double[] ratios(int numerator, int denominator, ToDoubleFunction<Batch> figure) {
      List<Batch> a = variants.get(numerator).rounds;
      List<Batch> b = variants.get(denominator).rounds;
      double[] out = new double[Math.min(a.size(), b.size())];
      for (int i = 0; i < out.length; i++) {
        out[i] = figure.applyAsDouble(a.get(i)) / figure.applyAsDouble(b.get(i));
      }
      return out;
    }

    double medianRatio(int numerator, int denominator, ToDoubleFunction<Batch> figure) {
      return Stats.median(ratios(numerator, denominator, figure));
    }

    String label() {
      return threads == 1 ? "1 caller" : threads + " callers";
    }

    String progressLine() {
      return String.format(Locale.ROOT, "done: %s  Kiln blocking/raw p50 %.2f, Kiln/official calls/s %.2f", label(),
          medianRatio(KILN, RAW, Batch::p50Micros), medianRatio(KILN, OFFICIAL, Batch::callsPerSecond));
    }
  }

  /** Everything one run measured. */
  static final class Report {
    static final double GOAL = 1.1;
    final Config config;
    final int answerBytes;
    final List<Mode> modes;
    final double seconds;

    Report(Config config, int answerBytes, List<Mode> modes, double seconds) {
      this.config = config;
      this.answerBytes = answerBytes;
      this.modes = Collections.unmodifiableList(modes);
      this.seconds = seconds;
    }

    void print(PrintStream out) {
      out.println();
      out.printf(Locale.ROOT, "Call overhead: GET %s, %d-byte JSON answer, loopback JDK HttpServer (%d handler"
          + " threads)%n", TEMPLATE, answerBytes, config.serverThreads);
      out.printf(Locale.ROOT, "JVM %s, %d CPUs; %d warm-up + %d measured rounds of %,d calls per variant per mode,"
              + " variants interleaved (order rotates per round); run took %.0f s%n",
          System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), config.warmup,
          config.rounds, config.calls, seconds);
      out.println("p50/p90 over all measured calls; ratios = median of the per-round ratios [min-max]");
      out.println();
      String row = "%-10s %-40s %9s %9s %10s%n";
      out.printf(Locale.ROOT, row, "callers", "variant", "p50 us", "p90 us", "calls/s");
      for (Mode m : modes) {
        for (Variant v : m.variants) {
          out.printf(Locale.ROOT, row, m.threads, v.name, String.format(Locale.ROOT, "%.0f", v.p50Micros()),
              String.format(Locale.ROOT, "%.0f", v.p90Micros()), String.format(Locale.ROOT, "%,.0f", v.callsPerSecond()));
        }
        String ratio = "%-10s %-40s %s%n";
        out.printf(Locale.ROOT, ratio, "", "  ratio Kiln blocking/raw",
            "p50 " + Stats.ratioSummary(m.ratios(KILN, RAW, Batch::p50Micros))
                + "  p90 " + Stats.ratioSummary(m.ratios(KILN, RAW, Batch::p90Micros)));
        out.printf(Locale.ROOT, ratio, "", "  ratio Kiln async joined/raw",
            "p50 " + Stats.ratioSummary(m.ratios(KILN_ASYNC, RAW, Batch::p50Micros))
                + "  p90 " + Stats.ratioSummary(m.ratios(KILN_ASYNC, RAW, Batch::p90Micros)));
        out.printf(Locale.ROOT, ratio, "", "  ratio Kiln blocking/official",
            "p50 " + Stats.ratioSummary(m.ratios(KILN, OFFICIAL, Batch::p50Micros))
                + "  calls/s " + Stats.ratioSummary(m.ratios(KILN, OFFICIAL, Batch::callsPerSecond)));
        out.printf(Locale.ROOT, ratio, "", "  ratio Kiln async joined/official",
            "p50 " + Stats.ratioSummary(m.ratios(KILN_ASYNC, OFFICIAL, Batch::p50Micros))
                + "  calls/s " + Stats.ratioSummary(m.ratios(KILN_ASYNC, OFFICIAL, Batch::callsPerSecond)));
      }
      out.println();
      StringBuilder goal = new StringBuilder("goal: Kiln blocking p50 <= " + GOAL + " x raw:");
      for (Mode m : modes) {
        double r = m.medianRatio(KILN, RAW, Batch::p50Micros);
        goal.append(String.format(Locale.ROOT, " %s %.2f (%s);", m.label(), r, r <= GOAL ? "met" : "NOT met"));
      }
      out.println(goal);
    }
  }
}
