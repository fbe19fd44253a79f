package dev.kiln.emulator.internal;

import dev.kiln.emulator.Faults;
import dev.kiln.emulator.GenieSpaceSpec;
import dev.kiln.emulator.LocalSql;
import dev.kiln.emulator.SavedQuery;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Everything one local workspace runs: the server, its thread pools, the SQL engine and the APIs. Internal:
 * {@code LocalWorkspace} is the public face. {@link #close()} stops every thread it started.
 */
public final class WorkspaceRuntime implements AutoCloseable {
  private static final long SHUTDOWN_WAIT_SECONDS = 5;

  private final WorkspaceSettings settings;
  private final ThreadPoolExecutor httpPool;
  private final ThreadPoolExecutor sqlPool;
  private final ScheduledThreadPoolExecutor scheduler;
  private final SqlEngine engine;
  private final Warehouses warehouses = new Warehouses();
  private final StatementService statements;
  private final ExternalLinks externalLinks;
  private final FaultEngine faults;
  private final QueriesApi queries;
  private final GenieStore genie = new GenieStore();
  private final GenieAssistant genieAssistant;
  private final String defaultWarehouseId = Ids.hex16();
  private final Router router = new Router();
  private final WorkloadApis workloads;
  private final List<WorkspaceApi> apis;
  private WorkspaceServer server;

  /** Creates the parts; pool threads start lazily, so a failure here leaves nothing running. */
  private WorkspaceRuntime(WorkspaceSettings settings, WorkloadSettings workloadSettings) {
    this.settings = settings;
    this.httpPool = pool("kiln-workspace-http", settings.serverThreads());
    this.sqlPool = pool("kiln-workspace-sql", settings.sqlConcurrency());
    this.scheduler = new ScheduledThreadPoolExecutor(1, new NamedThreads("kiln-workspace-timer"));
    scheduler.setRemoveOnCancelPolicy(true);
    this.engine = new SqlEngine();
    this.statements =
        new StatementService(
            engine, sqlPool, scheduler, settings.clock(), settings.chunkRowCount(), settings.resultRetention());
    this.externalLinks = new ExternalLinks(settings.clock(), settings.externalLinkTtl(), this::host, statements);
    this.faults = new FaultEngine(externalLinks::expireAllNow);
    this.queries = new QueriesApi(settings.clock());
    this.genieAssistant =
        new GenieAssistant(statements, scheduler, settings.clock(), settings.genieStepDelay());
    StatementJson statementJson = new StatementJson(externalLinks);
    this.workloads = new WorkloadApis(workloadSettings, engine, scheduler, settings.clock(), this::host);
    this.apis =
        List.of(
            new OidcApi(this::host),
            new SqlApi(statements, statementJson, warehouses),
            externalLinks,
            queries,
            new GenieApi(genie, genieAssistant, statements, statementJson, settings.clock()),
            workloads.clustersApi(),
            workloads.executionApi(),
            workloads.servingApi(),
            workloads.vectorSearchApi());
    warehouses.add(defaultWarehouseId, "Kiln Local Warehouse");
    apis.forEach(api -> api.register(router));
  }

  /** Starts a workspace; on failure nothing is left running. */
  public static WorkspaceRuntime start(WorkspaceSettings settings) throws IOException {
    return start(settings, new WorkloadSettings());
  }

  /** Starts a workspace with cluster, execution, serving and vector search settings too. */
  public static WorkspaceRuntime start(WorkspaceSettings settings, WorkloadSettings workloadSettings)
      throws IOException {
    WorkspaceRuntime runtime = new WorkspaceRuntime(settings, workloadSettings);
    try {
      runtime.server =
          new WorkspaceServer(
              runtime.router, new BearerAuth(settings.token()), runtime.faults, runtime.httpPool, runtime.scheduler);
      runtime.server.start();
      return runtime;
    } catch (IOException | RuntimeException e) {
      runtime.close();
      throw e;
    }
  }

  /** Bounded pool; work offered after close is dropped, since HttpServer.stop closes those exchanges. */
  private static ThreadPoolExecutor pool(String name, int threads) {
    ThreadPoolExecutor pool =
        new ThreadPoolExecutor(
            threads, threads, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), new NamedThreads(name),
            new ThreadPoolExecutor.DiscardPolicy());
    pool.allowCoreThreadTimeOut(true);
    return pool;
  }

  public String host() {
    return "http://127.0.0.1:" + server.port();
  }

  public String token() {
    return settings.token();
  }

  public Faults faults() {
    return faults;
  }

  /** Clusters, command execution, Model Serving and Vector Search seeding. */
  public WorkloadApis workloads() {
    return workloads;
  }

  public String defaultWarehouseId() {
    return defaultWarehouseId;
  }

  public void addWarehouse(String id, String name) {
    warehouses.add(id, name);
  }

  public String addQuery(SavedQuery query) {
    query.warehouseId().ifPresent(this::requireWarehouse);
    return queries.add(query, defaultWarehouseId);
  }

  public String addGenieSpace(GenieSpaceSpec spec) {
    String warehouseId = spec.warehouseId().orElse(defaultWarehouseId);
    requireWarehouse(warehouseId);
    return genie.addSpace(spec, warehouseId);
  }

  public void expireGenieQueryResult(String messageId) {
    genieAssistant.expireQueryResult(genie.message(messageId));
  }

  private void requireWarehouse(String id) {
    if (!warehouses.exists(id)) {
      throw new IllegalArgumentException("SQL warehouse " + id + " does not exist; add it first");
    }
  }

  public LocalSql sql() {
    return new LocalSql() {
      @Override
      public void execute(String sql) {
        engine.executeScript(sql);
      }

      @Override
      public List<Map<String, Object>> query(String sql) {
        return engine.query(sql);
      }

      @Override
      public void createCatalog(String name) {
        engine.createCatalog(name);
      }
    };
  }

  @Override
  public void close() {
    if (server != null) {
      server.close();
    }
    statements.cancelAll();
    workloads.close();
    scheduler.shutdownNow();
    sqlPool.shutdownNow();
    httpPool.shutdownNow();
    awaitQuietly(scheduler);
    awaitQuietly(sqlPool);
    awaitQuietly(httpPool);
    engine.close();
  }

  private static void awaitQuietly(ExecutorService pool) {
    try {
      pool.awaitTermination(SHUTDOWN_WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
