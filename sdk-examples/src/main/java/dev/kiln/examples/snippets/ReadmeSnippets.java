package dev.kiln.examples.snippets;

import dev.kiln.core.DatabricksClient;
import dev.kiln.core.auth.Credentials;
import dev.kiln.emulator.LocalWorkspace;
import dev.kiln.execution.ExecutionClient;
import dev.kiln.execution.ExecutionContext;
import dev.kiln.execution.model.CommandResult;
import dev.kiln.execution.model.Language;
import dev.kiln.genie.GenieClient;
import dev.kiln.genie.model.GenieAnswer;
import dev.kiln.genie.model.GenieQuery;
import dev.kiln.jobs.JobsClient;
import dev.kiln.jobs.RunHandle;
import dev.kiln.jobs.model.JobSettings;
import dev.kiln.jobs.model.NotebookTask;
import dev.kiln.jobs.model.RunNowRequest;
import dev.kiln.jobs.model.RunResult;
import dev.kiln.jobs.model.Task;
import dev.kiln.jobs.model.TaskDependency;
import dev.kiln.serving.ServingClient;
import dev.kiln.serving.model.ChatCompletion;
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
import dev.kiln.vectorsearch.VectorSearchClient;
import dev.kiln.vectorsearch.model.VectorMatch;
import dev.kiln.vectorsearch.model.VectorQuery;
import dev.kiln.vectorsearch.model.VectorQueryResult;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/**
 * Every Java snippet of the README, compiled by the build so the README cannot drift from the API. The lead copies
 * the text between {@code // snippet:NAME} and {@code // end-snippet} into README.md verbatim (dedented).
 * {@code ReadmeSnippetsTest} runs each one against a {@link LocalWorkspace}, except {@link #core()}, which needs a
 * real workspace. The JUnit snippet {@code emulator-junit} is the test class {@code WithholdingReportTest}.
 */
@SuppressWarnings("unused") // snippets declare variables to show what a call returns
public final class ReadmeSnippets {
  private ReadmeSnippets() {}

  /** README "Connecting (sdk-core)". Compiled only: it addresses a real workspace. */
  @SuppressWarnings("try") // the README's try block only holds a comment
  static void core() {
    // snippet:core
    try (DatabricksClient db = DatabricksClient.builder()
            .host("https://adb-1234567890.12.azuredatabricks.net")
            .credentials(Credentials.personalAccessToken(System.getenv("DATABRICKS_TOKEN")))
            .build()) {
        // SqlClient.create(db), ServingClient.create(db), ... share this one client
    }
    DatabricksClient fromEnv = DatabricksClient.fromEnvironment();   // env vars, then ~/.databrickscfg profile
    // end-snippet
    fromEnv.close();
  }

  /** README "SQL": a parameterised statement, typed rows from every chunk, and the one-call form. */
  static Map<String, BigDecimal> sql(DatabricksClient db, String warehouseId) {
    // snippet:sql
    SqlClient sql = SqlClient.create(db);
    StatementHandle handle = sql.submit(StatementRequest.builder()
            .warehouseId(warehouseId)
            .statement("SELECT agency, SUM(amount) AS total FROM gold.bir WHERE year = :year GROUP BY agency")
            .addParameters(StatementParameter.of("year", 2026))
            .build());
    Map<String, BigDecimal> totals = new LinkedHashMap<>();
    try (StatementResult result = handle.await(Duration.ofMinutes(5))) {   // or handle.resultAsync()
        for (Row row : result.rows()) {                                    // streams every chunk
            String agency = row.getString("agency");
            BigDecimal total = row.getBigDecimal("total");
            totals.put(agency, total);
        }
    }
    try (StatementResult quick = sql.execute(warehouseId, "SELECT 1 AS one")) {   // submit + await
        int one = quick.toList().get(0).getInt("one");
    }
    // end-snippet
    return totals;
  }

  /** README "Execution contexts": a Python context on a cluster, one blocking and one async command. */
  static List<String> execution(DatabricksClient db, String clusterId) {
    // snippet:execution
    ExecutionClient exec = ExecutionClient.create(db);
    String major;
    String sum;
    try (ExecutionContext ctx = exec.createContext(clusterId, Language.PYTHON)) {  // waits for cluster + context
        CommandResult r = ctx.execute("import sys; print(sys.version_info[0])");   // text / table / images
        major = r.text();                                                         // "3"
        CompletableFuture<CommandResult> later = ctx.executeAsync("sum(range(10))");
        sum = later.join().text();                                                // "45"
    }                                                                             // context destroyed here
    // end-snippet
    return List.of(major, sum);
  }

  /** README "Serving": a prediction, a chat completion and a streamed chat reply. */
  static List<String> serving(DatabricksClient db) {
    // snippet:serving
    ServingClient serving = ServingClient.create(db);
    InvocationResponse p = serving.query("bir-tax-forecaster",
            InvocationRequest.dataframeRecords(List.of(Map.of("prev_month_wht", 50000.0))));
    double forecast = p.predictionsAsDoubles()[0];
    ChatRequest request = ChatRequest.builder().addMessages(ChatMessage.user("Hello")).maxTokens(100).build();
    ChatCompletion answer = serving.chat("databricks-llama", request);
    String reply = answer.content();
    StringBuilder streamed = new StringBuilder();
    try (Stream<ChatCompletionChunk> chunks = serving.chatStream("databricks-llama", request)) {
        chunks.forEach(chunk -> streamed.append(chunk.content()));          // token by token, as they arrive
    }
    // end-snippet
    return List.of(String.valueOf(forecast), reply, streamed.toString());
  }

  /** README "Vector search": the closest rows of an index to a text, with their scores. */
  static List<String> vectorSearch(DatabricksClient db) {
    // snippet:vectorsearch
    VectorSearchClient vs = VectorSearchClient.create(db);
    VectorQueryResult hits = vs.query("main.docs.en_wiki_index", VectorQuery.builder()
            .addColumns("id", "text").queryText("Databricks Vector Search").numResults(20).build());
    for (VectorMatch m : hits.matches()) {
        String text = m.getString("text");
        double score = m.score();
    }
    // end-snippet
    List<String> texts = new ArrayList<>();
    hits.matches().forEach(m -> texts.add(m.getString("text")));
    return texts;
  }

  /** README "Genie": ask, read the answer and its SQL, then the typed rows. */
  static List<String> genie(DatabricksClient db, String spaceId) {
    // snippet:genie
    GenieClient genie = GenieClient.create(db);
    GenieAnswer a = genie.ask(spaceId, "Biggest open opportunities");   // start + wait for a terminal status
    String text = a.text();
    Optional<GenieQuery> query = a.query();                              // sql, description, statementId
    String sql = query.map(GenieQuery::sql).orElse("");
    List<String> names = new ArrayList<>();
    try (StatementResult rows = genie.queryResult(a)) {                  // typed rows, same as sdk-sql
        for (Row row : rows.rows()) {
            names.add(row.getString("name") + " " + row.getBigDecimal("amount"));
        }
    }
    // end-snippet
    List<String> all = new ArrayList<>(List.of(text, sql));
    all.addAll(names);
    return all;
  }

  /** README "Jobs (sdk-jobs)": the two notebooks must exist in the workspace. */
  static List<String> jobs(DatabricksClient db) {
    // snippet:jobs
    JobsClient jobs = JobsClient.create(db);
    long jobId = jobs.create(JobSettings.builder()
            .name("BIR Month-End ETL")
            .addTasks(Task.builder().taskKey("ingest")
                    .notebookTask(NotebookTask.of("/Shared/bir/bronze_ingestion")).build())
            .addTasks(Task.builder().taskKey("report").addDependsOn(TaskDependency.on("ingest"))
                    .notebookTask(NotebookTask.of("/Shared/bir/month_end_report")).build())
            .build());
    RunHandle run = jobs.runNow(RunNowRequest.builder().jobId(jobId)
            .putJobParameters("month", "2026-02").build());      // an idempotency token is generated
    RunResult done = run.await();                                 // or RunFailedException with the task errors
    Optional<String> ingested = done.notebookResult("ingest");    // its dbutils.notebook.exit value
    // end-snippet
    return List.of(ingested.orElse(""), done.notebookResult("report").orElse(""));
  }

  /** README "Using the emulator in your own tests", without JUnit: a seeded workspace and a client for it. */
  static List<Long> emulator() {
    // snippet:emulator
    long count;
    long top;
    try (LocalWorkspace ws = LocalWorkspace.start()) {                  // 127.0.0.1, random port and token
        ws.sql().execute("CREATE TABLE sales AS SELECT id, id * 10 AS amount FROM range(100)");
        SqlClient sql = SqlClient.create(ws.client());                  // a DatabricksClient for this workspace
        try (StatementResult r = sql.execute(ws.defaultWarehouseId(),
                "SELECT COUNT(*) AS n, MAX(amount) AS top FROM sales")) {
            Row row = r.toList().get(0);
            count = row.getLong("n");                                   // 100
            top = row.getLong("top");                                   // 990
        }
    }                                                                   // stops the server and its threads
    // end-snippet
    return List.of(count, top);
  }
}
