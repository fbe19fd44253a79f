package dev.kiln.examples.snippets;

import dev.kiln.catalog.CatalogClient;
import dev.kiln.catalog.model.ColumnInfo;
import dev.kiln.catalog.model.CreateCatalog;
import dev.kiln.catalog.model.GrantChanges;
import dev.kiln.catalog.model.Privilege;
import dev.kiln.catalog.model.SecurableType;
import dev.kiln.catalog.model.TableInfo;
import dev.kiln.core.DatabricksClient;
import dev.kiln.core.auth.Credentials;
import dev.kiln.emulator.LocalWorkspace;
import dev.kiln.execution.ClusterHandle;
import dev.kiln.execution.ClustersClient;
import dev.kiln.execution.ExecutionClient;
import dev.kiln.files.DbfsClient;
import dev.kiln.files.VolumeFilesClient;
import dev.kiln.files.WorkspaceFilesClient;
import dev.kiln.files.model.ExportFormat;
import dev.kiln.files.model.WorkspaceObject;
import dev.kiln.execution.ExecutionContext;
import dev.kiln.execution.model.AutoScale;
import dev.kiln.execution.model.ClusterEvent;
import dev.kiln.execution.model.ClusterInfo;
import dev.kiln.execution.model.ClusterSpec;
import dev.kiln.execution.model.CommandResult;
import dev.kiln.execution.model.Language;
import dev.kiln.genie.GenieClient;
import dev.kiln.genie.model.GenieAnswer;
import dev.kiln.genie.model.GenieQuery;
import dev.kiln.mlflow.MlflowClient;
import dev.kiln.mlflow.model.CreateRunRequest;
import dev.kiln.mlflow.model.Metric;
import dev.kiln.mlflow.model.ModelStage;
import dev.kiln.mlflow.model.ModelVersion;
import dev.kiln.opentelemetry.KilnTelemetry;
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
import dev.kiln.sql.SqlOptions;
import dev.kiln.sql.StatementHandle;
import dev.kiln.sql.StatementResult;
import dev.kiln.sql.model.QueryHistoryFilter;
import dev.kiln.sql.model.QueryInfo;
import dev.kiln.sql.model.QueryStatus;
import dev.kiln.sql.model.QueryTag;
import dev.kiln.sql.model.StatementParameter;
import dev.kiln.sql.model.StatementRequest;
import dev.kiln.sql.model.Warehouse;
import dev.kiln.vectorsearch.VectorSearchClient;
import dev.kiln.vectorsearch.model.VectorMatch;
import dev.kiln.vectorsearch.model.VectorQuery;
import dev.kiln.vectorsearch.model.VectorQueryResult;
import io.opentelemetry.api.OpenTelemetry;
import java.io.IOException;
import java.io.InputStream;
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

  /** README "SQL": waiting for the warehouse, query tags, query history and warehouse calls. */
  static List<String> warehouses(DatabricksClient db, String warehouseId) {
    // snippet:warehouses
    SqlClient sql = SqlClient.create(db, SqlOptions.builder()
            .awaitWarehouseRunning(true)                  // start a stopped warehouse before submitting
            .build());
    try (StatementResult r = sql.execute(StatementRequest.builder()
            .warehouseId(warehouseId)
            .statement("SELECT COUNT(*) AS n FROM gold.bir")
            .addQueryTags(QueryTag.of("job", "month-end"))
            .build())) {
        long n = r.toList().get(0).getLong("n");
    }
    List<String> finished = new ArrayList<>();
    for (QueryInfo q : sql.queryHistory(QueryHistoryFilter.builder()   // lazy, newest first
            .addStatuses(QueryStatus.FINISHED)
            .addWarehouseIds(warehouseId)
            .build())) {
        finished.add(q.queryText().orElse(""));
    }
    sql.warehouses().stop(warehouseId);
    Warehouse running = sql.warehouses().start(warehouseId).await();   // WarehouseHandle: waits for RUNNING
    // end-snippet
    finished.add(running.rawState());
    return finished;
  }

  /** README "Clusters": create with autoscale, wait, resize, read the event log, terminate. */
  static List<String> clusters(DatabricksClient db) {
    // snippet:clusters
    ClustersClient clusters = ClustersClient.create(db);
    ClusterHandle handle = clusters.create(ClusterSpec.builder()
            .clusterName("month-end-etl")
            .sparkVersion("15.4.x-scala2.12")             // clusters.sparkVersions() lists them
            .nodeTypeId("i3.xlarge")                      // clusters.listNodeTypes()
            .autoscale(AutoScale.of(1, 4))
            .autoterminationMinutes(30)
            .putCustomTags("team", "tax")
            .build());
    ClusterInfo running = handle.await();                 // RUNNING, or ClusterUnavailableException + reason
    clusters.resize(running.clusterId(), 6).await();
    List<String> events = new ArrayList<>();
    for (ClusterEvent e : clusters.events(running.clusterId())) {   // lazy, newest first
        events.add(e.rawType().orElse("?"));
    }
    clusters.delete(running.clusterId());                 // terminate; clusters.start(id) brings it back
    // end-snippet
    return events;
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

  /** README "Unity Catalog": a catalog, a grant to the ERP's service principal, a table's columns. */
  static List<String> catalog(DatabricksClient db) {
    // snippet:catalog
    CatalogClient uc = CatalogClient.create(db);
    uc.createCatalog(CreateCatalog.builder().name("gold").comment("reporting marts").build());
    uc.updateGrants(SecurableType.CATALOG, "gold", GrantChanges.builder()
            .grant("erp-integration-sp", Privilege.USE_CATALOG, Privilege.USE_SCHEMA, Privilege.SELECT)
            .revoke("analysts", Privilege.MODIFY)
            .build());                                   // PATCH {"changes": [{principal, add, remove}]}
    TableInfo table = uc.getTable("main.`bir-2026`.withholding");  // parsed and checked before sending
    for (ColumnInfo c : table.columns()) {
        String type = c.typeText().orElse("");           // decimal(14,2), array<string>, ...
    }
    // end-snippet
    List<String> out = new ArrayList<>();
    table.columns().forEach(c -> out.add(c.name() + " " + c.typeText().orElse("")));
    uc.getGrants(SecurableType.CATALOG, "gold").forEach(a -> out.add(a.principal() + " " + a.rawPrivileges()));
    return out;
  }

  /** README "OpenTelemetry": the listener on a client built as usual; returns the statement's row count. */
  static long opentelemetry(OpenTelemetry openTelemetry, String host, String token, String warehouseId) {
    long rows;
    // snippet:opentelemetry
    // openTelemetry: your service's, e.g. GlobalOpenTelemetry.get(); Kiln needs only opentelemetry-api
    try (DatabricksClient db = DatabricksClient.builder()
            .host(host)
            .credentials(Credentials.personalAccessToken(token))
            .listener(KilnTelemetry.create(openTelemetry))
            .build();
        StatementResult result = SqlClient.create(db).execute(warehouseId, "SELECT * FROM gold.bir")) {
        rows = result.totalRowCount();  // traced: POST + polls under a "Kiln statement" span
    }
    // end-snippet
    return rows;
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

  /** README "MLflow": a run logged in a scope, registered, promoted to Production; its metric history. */
  static List<String> mlflow(DatabricksClient db) {
    // snippet:mlflow
    MlflowClient mlflow = MlflowClient.create(db);
    String experimentId = mlflow.createExperiment("/Users/ana@bir.gov.ph/withholding-forecast");
    String runId = mlflow.withRun(CreateRunRequest.of(experimentId), run -> {  // FINISHED, or FAILED if it throws
        run.logParam("coef.prev_month_wht", "1.05");
        run.logMetric("rmse", 1834.5);
        return run.runId();
    });
    mlflow.createRegisteredModel("bir_tax_forecaster");
    ModelVersion v1 = mlflow.createModelVersion("bir_tax_forecaster", "runs:/" + runId + "/model", runId)
            .await();                                                        // polls until READY
    mlflow.transitionStage("bir_tax_forecaster", v1.version(), ModelStage.PRODUCTION, true);
    for (Metric point : mlflow.getMetricHistory(runId, "rmse")) {          // lazy, page by page
        double rmse = point.value();
    }
    // end-snippet
    return List.of(v1.version(), mlflow.getModelVersion("bir_tax_forecaster", v1.version()).currentStage().name(),
        mlflow.getRun(runId).status().name());
  }

  /** README "Files": a CSV to a volume and back, a large file to DBFS, a notebook into the workspace. */
  static List<String> files(DatabricksClient db, InputStream csv, InputStream big, byte[] notebook) throws IOException {
    // snippet:files
    VolumeFilesClient volumes = VolumeFilesClient.create(db);
    volumes.upload("/Volumes/main/bir/landing/rates.csv", csv, true);           // the body is streamed
    byte[] back;
    try (InputStream in = volumes.download("/Volumes/main/bir/landing/rates.csv")) {
        back = in.readAllBytes();                                               // resumes with Range if cut off
    }
    DbfsClient dbfs = DbfsClient.create(db);
    long written = dbfs.write("dbfs:/landing/big.bin", big, true,               // 1 MB blocks, one held at a time
            (bytes, total) -> System.err.printf("%d bytes%n", bytes));
    WorkspaceFilesClient workspace = WorkspaceFilesClient.create(db);
    workspace.mkdirs("/Users/etl@bir.gov.ph/month-end");
    workspace.importFile("/Users/etl@bir.gov.ph/month-end/bronze", ExportFormat.AUTO, null,
            notebook, true);                                                    // "# Databricks notebook source ..."
    List<String> paths = new ArrayList<>();
    for (WorkspaceObject o : workspace.list("/Users/etl@bir.gov.ph", true)) {  // lazy, one folder per request
        paths.add(o.path() + " " + o.objectType());
    }
    // end-snippet
    paths.add(0, new String(back, java.nio.charset.StandardCharsets.UTF_8));
    paths.add(1, String.valueOf(written));
    return paths;
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
