package dev.kiln.emulator.internal;

import dev.kiln.emulator.ClusterState;
import dev.kiln.emulator.DeltaSyncIndexSpec;
import dev.kiln.emulator.DirectAccessIndexSpec;
import dev.kiln.emulator.Faults;
import dev.kiln.emulator.GenieSpaceSpec;
import dev.kiln.emulator.LocalSql;
import dev.kiln.emulator.SavedQuery;
import dev.kiln.emulator.ServingEndpointSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;

/**
 * Everything one local workspace runs: the server, its thread pools, the SQL engine, the shared state of every
 * API (statements, warehouses, saved queries, Genie, clusters and execution contexts, serving endpoints,
 * vector search) and the seeding methods {@code LocalWorkspace} delegates to. Internal: {@code LocalWorkspace}
 * is the public face. {@link #close()} stops every thread and Python process it started.
 */
public final class WorkspaceRuntime implements AutoCloseable {
  private static final long SHUTDOWN_WAIT_SECONDS = 5;

  private final String token;
  private final ThreadPoolExecutor httpPool;
  private final ThreadPoolExecutor sqlPool;
  private final ScheduledThreadPoolExecutor scheduler;
  private final SqlEngine engine;
  private final Warehouses warehouses;
  private final QueryHistory history = new QueryHistory();
  private final StatementService statements;
  private final FaultEngine faults;
  private final QueriesApi queries;
  private final StateChanges changes = new StateChanges();
  private final List<NamedThreads> threadFactories = new ArrayList<>();
  private final GenieStore genie = new GenieStore(changes);
  private final GenieAssistant genieAssistant;
  private final Clusters clusters;
  private final ExecutionContexts contexts;
  private final ServingEndpoints serving;
  private final VectorSearch vectorSearch;
  private final JobStore jobs;
  private final MlflowRegistry mlflowRegistry;
  private final String defaultWarehouseId = Ids.hex16();
  private final OAuthTokens oauth;
  private final Router router = new Router();
  private final Router storageRouter = new Router();
  private final FileStorage files;
  private final WorkspaceTree workspaceTree;
  private WorkspaceServer server;
  private WorkspaceServer storage;
  private SelfSignedTls tls; // null: plain http

  /** Creates the parts; pool threads start lazily, so a failure here leaves nothing running. */
  private WorkspaceRuntime(WorkspaceSettings settings) {
    this.token = settings.token().orElseGet(Ids::personalAccessToken);
    Clock clock = settings.clock();
    this.oauth = new OAuthTokens(clock, settings.oauthTokenTtl());
    this.httpPool = pool("kiln-workspace-http", settings.serverThreads());
    this.sqlPool = pool("kiln-workspace-sql", settings.sqlConcurrency());
    this.scheduler = new ScheduledThreadPoolExecutor(1, threads("kiln-workspace-timer"));
    scheduler.setRemoveOnCancelPolicy(true);
    this.engine = new SqlEngine(settings.maxResultBytes());
    this.warehouses = new Warehouses(clock, settings.warehouseStartTime());
    this.statements =
        new StatementService(
            engine, sqlPool, scheduler, clock, settings.chunkRowCount(), settings.arrowNativeComplexTypes(),
            settings.resultRetention(), changes, history);
    ExternalLinks externalLinks =
        new ExternalLinks(clock, settings.externalLinkTtl(), this::storageHost, statements);
    this.faults = new FaultEngine(externalLinks::expireAllNow, clock);
    this.queries = new QueriesApi(clock);
    this.genieAssistant = new GenieAssistant(statements, scheduler, clock, settings.genieStepDelay());
    this.clusters = new Clusters(clock, settings.clusterStartTime());
    CommandRunner runner =
        new CommandRunner(engine, scheduler, settings.commandTimeout(), settings.pythonExecutable());
    this.contexts = new ExecutionContexts(clusters, runner, settings.contextsPerCluster(), changes);
    this.serving = new ServingEndpoints(clock);
    this.vectorSearch = new VectorSearch(engine, serving, clock, settings.vectorSearchProvisioningTime());
    MlflowTracking mlflowTracking = new MlflowTracking(clock);
    this.mlflowRegistry = new MlflowRegistry(clock, settings.modelRegistrationTime(), mlflowTracking);
    StatementJson statementJson = new StatementJson(externalLinks);
    this.files = new FileStorage(clock);
    this.workspaceTree = new WorkspaceTree(files.workspace, clock);
    // Job notebook tasks run the notebooks of the workspace tree (imported through the API or seeded).
    this.jobs = new JobStore(clock, settings.jobStepTime(), workspaceTree::notebook, new NotebookRunner(contexts),
        clusters.defaultClusterId(), scheduler);
    ServingApi servingApi =
        new ServingApi(serving, this::host, settings.servingEndpointStartTime(), mlflowRegistry::servedModel);
    ServingDataPlane dataPlane =
        new ServingDataPlane(serving, servingApi, token, clock, settings.servingDataPlaneTokenLifetime());
    List<WorkspaceApi> apis =
        List.of(
            new OidcApi(this::host, oauth, Ids.workspaceId(), Ids.uuid(), dataPlane::mint),
            new SqlApi(statements, statementJson, warehouses),
            new WarehousesApi(warehouses),
            history,
            queries,
            new GenieApi(genie, genieAssistant, statements, statementJson, clock),
            new ClustersApi(clusters),
            new ExecutionApi(contexts),
            servingApi,
            new ServingPermissionsApi(serving),
            dataPlane,
            new VectorSearchApi(vectorSearch, serving, settings.vectorSearchPageSize(), this::host),
            new JobsApi(jobs, this::host),
            new DbfsApi(files, clock),
            new WorkspaceObjectsApi(workspaceTree),
            new VolumeFilesApi(files),
            new MlflowApi(mlflowTracking, mlflowRegistry),
            new UnityCatalogApi(engine, clock));
    warehouses.add(defaultWarehouseId, "Kiln Local Warehouse");
    apis.forEach(api -> api.register(router));
    // Presigned links live on cloud storage, another origin than the workspace: a listener of their own.
    externalLinks.register(storageRouter);
  }

  /** Starts a workspace; on failure nothing is left running. */
  public static WorkspaceRuntime start(WorkspaceSettings settings) throws IOException {
    WorkspaceRuntime runtime = new WorkspaceRuntime(settings);
    try {
      BearerAuth auth = new BearerAuth(runtime.token, runtime.oauth);
      runtime.tls = settings.https() ? SelfSignedTls.generate(settings.clock().instant()) : null;
      SSLContext serverTls = runtime.tls == null ? null : runtime.tls.serverContext();
      runtime.server =
          new WorkspaceServer(runtime.router, auth, runtime.faults, runtime.httpPool, runtime.scheduler, serverTls);
      runtime.storage = new WorkspaceServer(
          runtime.storageRouter, auth, runtime.faults, runtime.httpPool, runtime.scheduler, serverTls);
      runtime.server.start();
      runtime.storage.start();
      runtime.engine.awaitOpen(); // opened meanwhile, on a thread of its own
      return runtime;
    } catch (IOException | RuntimeException e) {
      runtime.close();
      throw e;
    }
  }

  private NamedThreads threads(String name) {
    NamedThreads factory = new NamedThreads(name);
    threadFactories.add(factory);
    return factory;
  }

  /** Bounded pool; work offered after close is dropped, since HttpServer.stop closes those exchanges. */
  private ThreadPoolExecutor pool(String name, int threads) {
    ThreadPoolExecutor pool =
        new ThreadPoolExecutor(
            threads, threads, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), threads(name),
            new ThreadPoolExecutor.DiscardPolicy());
    pool.allowCoreThreadTimeOut(true);
    return pool;
  }

  public String host() {
    return scheme() + "://127.0.0.1:" + server.port();
  }

  /** Where external links point: the storage listener, another port than the workspace's. */
  public String storageHost() {
    return scheme() + "://127.0.0.1:" + storage.port();
  }

  private String scheme() {
    return tls == null ? "http" : "https";
  }

  /** A client context trusting the workspace's certificate; empty over http. */
  public Optional<SSLContext> clientTls() {
    return Optional.ofNullable(tls).map(SelfSignedTls::clientContext);
  }

  /** The PKCS12 trust store holding the workspace's certificate; empty over http. */
  public Optional<Path> trustStore() {
    return Optional.ofNullable(tls).map(SelfSignedTls::trustStore);
  }

  public String trustStorePassword() {
    return SelfSignedTls.TRUST_STORE_PASSWORD;
  }

  public String token() {
    return token;
  }

  public Faults faults() {
    return faults;
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

  // ---- seeding; failures are IllegalArgumentExceptions

  // SQL, Queries and Genie

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

  public void addServicePrincipal(String clientId, String clientSecret) {
    oauth.addServicePrincipal(clientId, clientSecret);
  }

  // Clusters and command execution

  public String defaultClusterId() {
    return clusters.defaultClusterId();
  }

  public void addCluster(String id, String name, ClusterState state, String stateMessage) {
    clusters.add(id, name, state, stateMessage);
  }

  // Model Serving

  public void addServingEndpoint(ServingEndpointSpec spec) {
    serving.add(spec);
  }

  // Vector Search

  public String defaultVectorSearchEndpoint() {
    return VectorSearch.DEFAULT_ENDPOINT;
  }

  public void addVectorSearchEndpoint(String name) {
    seeding(() -> vectorSearch.addEndpoint(Objects.requireNonNull(name, "name"), true));
  }

  public void addStorageOptimizedVectorSearchEndpoint(String name) {
    seeding(() -> vectorSearch.addEndpoint(Objects.requireNonNull(name, "name"), VectorEndpoint.STORAGE_OPTIMIZED,
        true));
  }

  public void addDirectAccessIndex(DirectAccessIndexSpec spec) {
    seeding(() -> vectorSearch.addDirectAccess(Objects.requireNonNull(spec, "spec"), true));
  }

  /** Adds the index and syncs it from its source table. */
  public void addDeltaSyncIndex(DeltaSyncIndexSpec spec) {
    seeding(() -> vectorSearch.addDeltaSync(Objects.requireNonNull(spec, "spec"), true));
  }

  public void syncIndex(String indexName) {
    seeding(() -> vectorSearch.sync(Objects.requireNonNull(indexName, "indexName")));
  }

  // Jobs

  public void failJobTask(String taskKey, String message) {
    jobs.failTask(Objects.requireNonNull(taskKey, "taskKey"), Objects.requireNonNull(message, "message"));
  }

  public void timeOutJobTask(String taskKey) {
    jobs.timeOutTask(Objects.requireNonNull(taskKey, "taskKey"));
  }

  // Workspace files

  /** The notebook at a workspace path (with or without {@code /Workspace}), for the jobs scheduler. */
  public java.util.Optional<Notebook> notebook(String path) {
    return workspaceTree.notebook(path);
  }

  /** Adds a notebook (and its parent folders) in SOURCE form; language PYTHON, SQL, SCALA or R. */
  public void addNotebook(String path, String language, String source) {
    seeding(() -> workspaceTree.addNotebook(path, language, source));
  }

  /** Seeding is Java code: the API errors of Vector Search become {@link IllegalArgumentException}s. */
  private static void seeding(Runnable action) {
    try {
      action.run();
    } catch (ApiException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    if (server != null) {
      server.close();
    }
    if (storage != null) {
      storage.close();
    }
    statements.cancelAll();
    contexts.close(); // kills every Python process and stops the command threads
    scheduler.shutdownNow();
    sqlPool.shutdownNow();
    httpPool.shutdownNow();
    awaitQuietly(scheduler);
    awaitQuietly(sqlPool);
    awaitQuietly(httpPool);
    joinQuietly();
    engine.close();
    files.close();
    if (tls != null) {
      tls.delete();
    }
  }

  private static void awaitQuietly(ExecutorService pool) {
    try {
      pool.awaitTermination(SHUTDOWN_WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Waits for the pools' threads to end, so none is left once close() returns. */
  private void joinQuietly() {
    try {
      for (NamedThreads factory : threadFactories) {
        factory.join(TimeUnit.SECONDS.toNanos(SHUTDOWN_WAIT_SECONDS));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  // ---- test support: waiting for the workspace's own asynchronous work, bounded by a timeout

  public String awaitStatement(String statementId, Duration timeout) {
    return statements.awaitTerminal(statementId, timeout).name();
  }

  public String awaitCommandStarted(String commandId, Duration timeout) {
    return contexts.awaitStarted(contexts.command(commandId), timeout).wire;
  }

  public String awaitCommand(String commandId, Duration timeout) {
    return contexts.awaitTerminal(contexts.command(commandId), timeout).wire;
  }

  public String awaitContext(String contextId, Duration timeout) {
    return contexts.awaitStarted(contextId, timeout).wire;
  }

  public String awaitGenieMessage(String messageId, Duration timeout) {
    return genie.awaitTerminal(messageId, timeout);
  }

  public String awaitGenieMessageChange(String messageId, String from, Duration timeout) {
    return genie.awaitChange(messageId, from, timeout);
  }
}
