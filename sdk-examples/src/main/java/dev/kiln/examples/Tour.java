package dev.kiln.examples;

import dev.kiln.core.DatabricksClient;
import dev.kiln.emulator.ClusterState;
import dev.kiln.emulator.LocalWorkspace;
import dev.kiln.execution.ClustersClient;
import dev.kiln.execution.CommandFailedException;
import dev.kiln.execution.CommandHandle;
import dev.kiln.execution.ExecutionClient;
import dev.kiln.execution.ExecutionContext;
import dev.kiln.execution.model.ClusterInfo;
import dev.kiln.execution.model.CommandResult;
import dev.kiln.execution.model.Language;
import dev.kiln.execution.model.ResultType;
import dev.kiln.genie.GenieClient;
import dev.kiln.genie.GenieMessageHandle;
import dev.kiln.genie.model.GenieAnswer;
import dev.kiln.genie.model.GenieMessageStatus;
import dev.kiln.genie.model.GenieQuery;
import dev.kiln.files.VolumeFilesClient;
import dev.kiln.files.model.DirectoryEntry;
import dev.kiln.files.model.FileMetadata;
import dev.kiln.serving.ServingClient;
import dev.kiln.serving.model.ChatCompletionChunk;
import dev.kiln.serving.model.ChatMessage;
import dev.kiln.serving.model.ChatRequest;
import dev.kiln.serving.model.InvocationRequest;
import dev.kiln.serving.model.InvocationResponse;
import dev.kiln.sql.Row;
import dev.kiln.sql.SqlClient;
import dev.kiln.sql.StatementHandle;
import dev.kiln.sql.StatementResult;
import dev.kiln.sql.model.StatementParameter;
import dev.kiln.sql.model.StatementRequest;
import dev.kiln.sql.model.StatementState;
import dev.kiln.vectorsearch.VectorSearchClient;
import dev.kiln.vectorsearch.model.VectorMatch;
import dev.kiln.vectorsearch.model.VectorQuery;
import dev.kiln.vectorsearch.model.VectorQueryResult;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A walk through the five APIs: SQL, execution contexts, model serving, vector search and Genie, then files in
 * a Unity Catalog volume. On the
 * embedded emulator (the default) it seeds the BIR withholding-tax data first; against a real workspace it
 * creates nothing and skips the steps it has no resource for. Everything goes to the {@link PrintStream}
 * given, so tests can read it.
 */
public final class Tour {
  /** The cluster the tour adds to the emulator: TERMINATED, so the tour shows it being started and waited for. */
  static final String TOUR_CLUSTER_ID = "0121-093011-bir4tour";
  static final String TOUR_CLUSTER_NAME = "bir-analytics";
  private static final Duration CLUSTER_START = Duration.ofSeconds(2);
  private static final Duration STEP_TIMEOUT = Duration.ofMinutes(10);
  static final int STEPS = 6;
  /** The volume directory the tour copies its CSV through on the emulator (volumes exist there implicitly). */
  static final String TOUR_VOLUME = "/Volumes/main/bir/landing";
  private static final OutputFormatter TABLES = new OutputFormatter(OutputFormatter.Format.TABLE).groupingDecimals();

  private final PrintStream out;
  private int failures;

  public Tour(PrintStream out) {
    this.out = out;
  }

  /** {@code java -cp kiln.jar dev.kiln.examples.Tour [options]}: the same as {@code kiln tour [options]}. */
  public static void main(String[] args) {
    String[] withCommand = new String[args.length + 1];
    withCommand[0] = "tour";
    System.arraycopy(args, 0, withCommand, 1, args.length);
    System.exit(KilnCli.execute(withCommand));
  }

  /** A local workspace for the tour: its usual defaults plus a terminated cluster that takes 2 s to start. */
  static LocalWorkspace startEmulator() {
    LocalWorkspace ws = LocalWorkspace.builder().clusterStartTime(CLUSTER_START).start();
    try {
      ws.addCluster(TOUR_CLUSTER_ID, TOUR_CLUSTER_NAME, ClusterState.TERMINATED);
      return ws;
    } catch (RuntimeException e) {
      ws.close();
      throw e;
    }
  }

  /** The settings that point the tour at what {@link TourData#seed} created in {@code ws}. */
  static TourSettings settingsFor(LocalWorkspace ws, TourData.Seeded seeded) {
    return TourSettings.builder()
        .warehouseId(ws.defaultWarehouseId())
        .clusterId(TOUR_CLUSTER_ID)
        .sqlRelation(seeded.table)
        .modelEndpoint("bir-tax-forecaster")
        .chatEndpoint("databricks-llama")
        .index(seeded.index)
        .genieSpaceId(seeded.genieSpaceId)
        .volume(TOUR_VOLUME)
        .build();
  }

  /** Starts an emulator, seeds it, runs every step and stops it. Returns the number of failed steps. */
  public int runOnEmulator() {
    long start = System.nanoTime();
    out.println("Starting the local Databricks emulator (no account, no network) ...");
    try (LocalWorkspace ws = startEmulator()) {
      TourData.Seeded seeded = TourData.seed(ws);
      out.printf("Kiln tour on the local emulator at %s%n", ws.host());
      out.printf("Seeded: table %s (%d rows of %d withholding tax), vector index %s (%d notes), Genie space \"%s\"%n",
          seeded.table, seeded.rows, TourData.YEAR, seeded.index, seeded.documents, TourData.GENIE_TITLE);
      return run(ws.client(), settingsFor(ws, seeded), start);
    }
  }

  /** Runs every step against {@code db}; the caller keeps ownership of the client. */
  public int runOn(DatabricksClient db, TourSettings settings) {
    out.printf("Kiln tour on %s (nothing is created; steps without a resource are skipped)%n", db.host());
    return run(db, settings, System.nanoTime());
  }

  private int run(DatabricksClient db, TourSettings settings, long start) {
    failures = 0;
    step(1, "SQL statement execution", settings.warehouseId().isPresent() ? null
        : "no SQL warehouse: set DATABRICKS_WAREHOUSE_ID or pass --warehouse",
        () -> sql(db, settings));
    step(2, "Execution contexts (API 1.2)", settings.clusterId().isPresent() ? null
        : "no cluster: set DATABRICKS_CLUSTER_ID or pass --cluster",
        () -> execution(db, settings));
    step(3, "Model serving", settings.modelEndpoint().isPresent() || settings.chatEndpoint().isPresent() ? null
        : "no serving endpoints: set KILN_MODEL_ENDPOINT and/or KILN_CHAT_ENDPOINT, or pass --model-endpoint/--chat-endpoint",
        () -> serving(db, settings));
    step(4, "Vector search", settings.index().isPresent() ? null
        : "no vector index: set KILN_VS_INDEX (and KILN_VS_COLUMNS) or pass --index",
        () -> vectorSearch(db, settings));
    step(5, "Genie", settings.genieSpaceId().isPresent() ? null
        : "no Genie space: set KILN_GENIE_SPACE or pass --genie-space",
        () -> genie(db, settings));
    step(6, "Files in a Unity Catalog volume", settings.volume().isPresent() ? null
        : "no volume: set KILN_VOLUME or pass --volume /Volumes/<catalog>/<schema>/<volume>",
        () -> files(db, settings));
    out.println();
    String elapsed = seconds(System.nanoTime() - start);
    if (failures == 0) {
      out.printf("Tour complete in %s s.%n", elapsed);
    } else {
      out.printf("Tour finished in %s s with %d failed step%s.%n", elapsed, failures, failures == 1 ? "" : "s");
    }
    return failures;
  }

  private interface Step {
    void run() throws Exception;
  }

  private void step(int number, String title, String skipReason, Step body) {
    out.println();
    out.printf("[%d/%d] %s%n", number, STEPS, title);
    if (skipReason != null) {
      out.println("  skipped: " + skipReason);
      return;
    }
    long start = System.nanoTime();
    try {
      body.run();
      out.printf("  (%s s)%n", seconds(System.nanoTime() - start));
    } catch (Exception e) {
      failures++;
      out.println("  FAILED " + Errors.describe(e));
    }
  }

  // ---- 1. SQL

  private void sql(DatabricksClient db, TourSettings settings) {
    String warehouseId = settings.warehouseId().orElseThrow();
    SqlClient sql = SqlClient.create(db);
    String statement = TourData.totalsQuery(settings.sqlRelation());
    out.println("  " + (settings.sqlRelation().startsWith("(VALUES") ? TourData.totalsQuery("(VALUES ...) AS withholding")
        : statement).replace("\n", "\n  "));
    long start = System.nanoTime();
    StatementHandle handle = sql.submit(StatementRequest.builder()
        .warehouseId(warehouseId)
        .statement(statement)
        .addParameters(StatementParameter.of("year", TourData.YEAR))
        .waitTimeout(Duration.ZERO) // return at once and poll: the listener shows the progress
        .build());
    Predicate<StatementState> firstTime = firstSighting();
    handle.addListener(r -> {
      if (!r.state().isTerminal() && firstTime.test(r.state())) {
        out.printf("  waiting for statement %s ... %s%n", handle.id(), r.state());
      }
    });
    try (StatementResult result = handle.await(STEP_TIMEOUT)) {
      out.printf("  statement %s SUCCEEDED on warehouse %s in %s s%n", handle.id(), warehouseId,
          seconds(System.nanoTime() - start));
      Table table = Table.withColumns("agency", "name", "filings", "total_withheld_php");
      BigDecimal grandTotal = BigDecimal.ZERO;
      for (Row row : result.rows()) {
        BigDecimal total = row.getBigDecimal("total_withheld");
        grandTotal = grandTotal.add(total);
        table.addRow(row.getString("agency"), row.getString("agency_name"), row.getLong("filings"), total);
      }
      printTable(table);
      out.printf("  %d agencies, PHP %s in total (typed rows: getString, getLong, getBigDecimal)%n",
          table.size(), grouped(grandTotal));
    }
  }

  // ---- 2. Execution contexts

  private void execution(DatabricksClient db, TourSettings settings) {
    String clusterId = settings.clusterId().orElseThrow();
    ExecutionClient exec = ExecutionClient.create(db);
    ClustersClient clusters = exec.clusters();
    ClusterInfo cluster = clusters.getCluster(clusterId);
    String name = cluster.clusterName().orElse(clusterId);
    if (cluster.state() != dev.kiln.execution.model.ClusterState.RUNNING) {
      out.printf("  cluster %s (%s) is %s; %s it is RUNNING ...%n", clusterId, name, cluster.rawState(),
          cluster.state() == dev.kiln.execution.model.ClusterState.TERMINATED ? "starting it and waiting until"
              : "waiting until");
      long start = System.nanoTime();
      cluster = clusters.ensureRunning(clusterId);
      out.printf("  cluster %s is %s after %s s%n", clusterId, cluster.rawState(), seconds(System.nanoTime() - start));
    } else {
      out.printf("  cluster %s (%s) is RUNNING%n", clusterId, name);
    }

    try (ExecutionContext ctx = exec.createContext(clusterId, Language.PYTHON)) {
      out.printf("  python context %s is ready%n", ctx.id());
      boolean python = runPython(ctx);
      String query = "SELECT month, SUM(amount) AS total_withheld FROM " + settings.sqlRelation()
          + " GROUP BY month ORDER BY month";
      out.println(python ? "  a SQL command in the same context:" : "  a SQL command instead:");
      CommandResult table = ctx.execute(Language.SQL, query);
      if (table.type() == ResultType.TABLE) {
        printTable(Table.of(table.table()));
      } else {
        out.println("  result (" + table.rawType() + "): " + table);
      }
    }
    out.println("  context destroyed");
  }

  /** Two python commands sharing state; false when the cluster cannot run python (e.g. no python3 locally). */
  private boolean runPython(ExecutionContext ctx) {
    StringBuilder monthly = new StringBuilder();
    for (Map.Entry<LocalDate, BigDecimal> e : TourData.totalsByMonth().entrySet()) {
      monthly.append(monthly.length() == 0 ? "" : ", ")
          .append('"').append(e.getKey().toString(), 0, 7).append("\": ").append(TourData.millions(e.getValue()));
    }
    String define = "import statistics, sys\n"
        + "monthly = {" + monthly + "}  # PHP millions, all agencies\n"
        + "print('Python %d.%d' % sys.version_info[:2], 'in context; mean month: PHP %.1f million'"
        + " % statistics.mean(monthly.values()))";
    String follow = "print('busiest month:', max(monthly, key=monthly.get))  # state kept from the last command";
    try {
      echo(define);
      out.print(indent(command(ctx, define)));
      echo(follow);
      out.print(indent(command(ctx, follow)));
      return true;
    } catch (CommandFailedException e) {
      if (e.summary().toLowerCase(Locale.ROOT).contains("python")) {
        out.println("  python is not available here (" + e.summary() + ")");
        return false;
      }
      throw e;
    }
  }

  /** Submits {@code code}, prints the command's progress, and returns its text output. */
  private String command(ExecutionContext ctx, String code) {
    CommandHandle handle = ctx.submit(code);
    Predicate<String> firstTime = firstSighting();
    handle.addListener(status -> {
      if (!status.state().isTerminal() && firstTime.test(status.rawState())) {
        out.printf("  waiting for command %s ... %s%n", handle.id(), status.rawState());
      }
    });
    CommandResult result = handle.await(STEP_TIMEOUT);
    return result.type() == ResultType.TEXT ? result.text() : String.valueOf(result);
  }

  private void echo(String code) {
    for (String line : code.split("\n")) {
      out.println("  >>> " + line);
    }
  }

  // ---- 3. Serving

  private void serving(DatabricksClient db, TourSettings settings) {
    ServingClient serving = ServingClient.create(db);
    if (settings.modelEndpoint().isPresent()) {
      String model = settings.modelEndpoint().get();
      Map<String, BigDecimal> march = TourData.lastMonthByAgency();
      List<Map<String, Object>> records = new ArrayList<>();
      march.values().forEach(v -> records.add(Map.of("prev_month_wht", v.doubleValue())));
      InvocationResponse response = serving.query(model, InvocationRequest.dataframeRecords(records));
      double[] predictions = response.predictionsAsDoubles();
      out.printf("  %s predicts next month's withholding from prev_month_wht (served model %s):%n",
          model, response.servedModelName().orElse("?"));
      Table table = Table.withColumns("agency", "march_php", "april_forecast_php");
      int i = 0;
      for (Map.Entry<String, BigDecimal> e : march.entrySet()) {
        table.addRow(e.getKey(), e.getValue(), BigDecimal.valueOf(predictions[i++]).setScale(2, RoundingMode.HALF_UP));
      }
      printTable(table);
    } else {
      out.println("  no prediction: set KILN_MODEL_ENDPOINT to a model that takes prev_month_wht");
    }

    if (settings.chatEndpoint().isPresent()) {
      String chat = settings.chatEndpoint().get();
      Map.Entry<String, BigDecimal> top = TourData.totalsByAgency().entrySet().iterator().next();
      String prompt = String.format(Locale.ROOT,
          "In %d %s withheld PHP %s million in tax, more than any other agency in the sample.",
          TourData.YEAR, top.getKey(), TourData.millions(top.getValue()));
      ChatRequest request = ChatRequest.builder()
          .addMessages(ChatMessage.system("You are a concise Philippine tax analyst."))
          .addMessages(ChatMessage.user(prompt))
          .maxTokens(60)
          .build();
      out.printf("  streaming a chat reply from %s, token by token:%n  > ", chat);
      AtomicInteger chunks = new AtomicInteger();
      try (Stream<ChatCompletionChunk> stream = serving.chatStream(chat, request)) {
        stream.forEach(chunk -> {
          String piece = chunk.content();
          if (!piece.isEmpty()) {
            chunks.incrementAndGet();
            out.print(piece);
            out.flush();
          }
        });
      }
      out.println();
      out.printf("  (%d chunks streamed)%n", chunks.get());
    } else {
      out.println("  no chat: set KILN_CHAT_ENDPOINT to a chat model endpoint");
    }
  }

  // ---- 4. Vector search

  private void vectorSearch(DatabricksClient db, TourSettings settings) {
    String index = settings.index().orElseThrow();
    VectorSearchClient vs = VectorSearchClient.create(db);
    out.printf("  query \"%s\" on %s%n", settings.vectorQuestion(), index);
    VectorQueryResult hits = vs.query(index, VectorQuery.builder()
        .addAllColumns(settings.indexColumns())
        .queryText(settings.vectorQuestion())
        .numResults(3)
        .build());
    Table table = Table.withColumns(withScore(settings.indexColumns()));
    for (VectorMatch m : hits.matches()) {
      List<Object> row = new ArrayList<>();
      row.add(BigDecimal.valueOf(m.score()).setScale(3, RoundingMode.HALF_UP));
      for (String column : settings.indexColumns()) {
        row.add(shorten(OutputFormatter.cell(m.getObject(column)), 90));
      }
      table.addRow(row.toArray());
    }
    printTable(table);
  }

  private static List<String> withScore(List<String> columns) {
    List<String> all = new ArrayList<>();
    all.add("score");
    all.addAll(columns);
    return all;
  }

  // ---- 5. Genie

  private void genie(DatabricksClient db, TourSettings settings) {
    String spaceId = settings.genieSpaceId().orElseThrow();
    GenieClient genie = GenieClient.create(db);
    out.printf("  asking: \"%s\"%n", settings.genieQuestion());
    Predicate<GenieMessageStatus> firstTime = firstSighting();
    GenieMessageHandle handle = genie.startConversation(spaceId, settings.genieQuestion(), message -> {
      if (!message.status().isTerminal() && firstTime.test(message.status())) {
        out.println("  waiting for Genie ... " + message.rawStatus());
      }
    });
    GenieAnswer answer = handle.await(STEP_TIMEOUT);
    out.println("  Genie: " + answer.text().replace("\n", "\n         "));
    Optional<GenieQuery> query = answer.query();
    if (query.isPresent()) {
      query.get().description().ifPresent(d -> out.println("  query: " + d));
      out.println("  SQL:   " + query.get().sql().replace("\n", "\n         "));
      try (StatementResult rows = genie.queryResult(answer)) {
        printTable(Table.of(rows));
      }
    }
    if (!answer.suggestedQuestions().isEmpty()) {
      out.println("  follow-ups: " + String.join(" | ", answer.suggestedQuestions()));
    }
  }

  // ---- output

  /** True the first time it is given a value: progress listeners print each waiting state once. */
  private static <T> Predicate<T> firstSighting() {
    Set<T> seen = ConcurrentHashMap.newKeySet();
    return seen::add;
  }

  private void printTable(Table table) {
    out.print(indent(TABLES.render(table)));
  }

  private static String grouped(BigDecimal value) {
    return OutputFormatter.grouped(value);
  }

  private static String indent(String text) {
    if (text.isEmpty()) {
      return text;
    }
    String body = text.stripTrailing();
    return Stream.of(body.split("\\R", -1)).map(line -> "  " + line).collect(Collectors.joining("\n")) + "\n";
  }

  private static String shorten(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 3) + "...";
  }

  private static String seconds(long nanos) {
    return String.format(Locale.ROOT, "%.1f", nanos / 1e9);
  }

  // ---- 6. Files

  /** Uploads a small CSV to the volume, reads its metadata and the directory, downloads it back and deletes it. */
  private void files(DatabricksClient db, TourSettings settings) throws java.io.IOException {
    VolumeFilesClient volumes = VolumeFilesClient.create(db);
    String path = settings.volume().orElseThrow() + "/kiln-tour/withholding-" + TourData.YEAR + ".csv";
    byte[] csv = ("agency,month,amount_php\nBIR-RDO-050,2026-01,125000.00\nBIR-RDO-050,2026-02,98750.50\n"
        + "BIR-RDO-043,2026-02,201300.25\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    volumes.upload(path, new java.io.ByteArrayInputStream(csv), true);
    FileMetadata meta = volumes.getMetadata(path);
    out.printf("  uploaded %s (%d bytes, last modified %s)%n", path, meta.contentLength(),
        meta.rawLastModified().orElse("?"));
    for (DirectoryEntry e : volumes.list(settings.volume().orElseThrow() + "/kiln-tour")) {
      out.printf("  ls: %s %d bytes%n", e.name().orElse(e.path()), e.fileSize().orElse(0L));
    }
    byte[] back;
    try (java.io.InputStream in = volumes.download(path)) {
      back = in.readAllBytes();
    }
    out.printf("  downloaded %d bytes back, identical: %s%n", back.length, java.util.Arrays.equals(csv, back));
    volumes.delete(path);
    out.println("  deleted " + path);
  }
}
