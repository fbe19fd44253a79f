package dev.kiln.execution;

import dev.kiln.core.DatabricksClient;
import dev.kiln.core.spi.Args;
import dev.kiln.core.spi.Calls;
import dev.kiln.core.spi.ClientInternals;
import dev.kiln.core.spi.Futures;
import dev.kiln.execution.internal.ContextStartup;
import dev.kiln.execution.internal.ExecutionApi;
import dev.kiln.execution.model.Language;
import java.util.concurrent.CompletableFuture;

/**
 * Runs code on all-purpose clusters through execution contexts (API 1.2). Thread-safe; create one
 * per {@link DatabricksClient}. Poll gaps, timeouts and context retries come from
 * {@link ExecutionOptions}.
 *
 * <pre>{@code
 * ExecutionClient exec = ExecutionClient.create(db);
 * try (ExecutionContext ctx = exec.createContext(clusterId, Language.PYTHON)) {
 *   String version = ctx.execute("print(spark.version)").text();
 * }
 * }</pre>
 */
public final class ExecutionClient {
  private final DatabricksClient db;
  private final ExecutionApi api;
  private final ClustersClient clusters;
  private final ContextStartup startup;
  private final ExecutionOptions options;

  private ExecutionClient(DatabricksClient db, ExecutionOptions options) {
    this.db = db;
    this.options = options;
    this.api = new ExecutionApi(db);
    this.clusters = ClustersClient.create(db, options);
    this.startup = new ContextStartup(db, api, options);
  }

  /** A client with {@link ExecutionOptions#defaults()}. */
  public static ExecutionClient create(DatabricksClient db) {
    return create(db, ExecutionOptions.defaults());
  }

  /** A client that polls, waits and retries as {@code options} say. */
  public static ExecutionClient create(DatabricksClient db, ExecutionOptions options) {
    return new ExecutionClient(Args.notNull(db, "db"), Args.notNull(options, "options"));
  }

  /** The options this client was created with. */
  public ExecutionOptions options() {
    return options;
  }

  /** The Clusters API client this one uses to bring a cluster up before a context is created. */
  public ClustersClient clusters() {
    return clusters;
  }

  /**
   * Makes sure the cluster is running (starting it if terminated), creates a context and waits
   * until it is ready. Close the context when done.
   */
  public ExecutionContext createContext(String clusterId, Language language) {
    return Calls.join(createContextAsync(clusterId, language));
  }

  /**
   * As {@link #createContext}, without blocking. Cancelling the future stops waiting and destroys
   * the context created for it, also one whose create answer arrives after the cancel.
   */
  public CompletableFuture<ExecutionContext> createContextAsync(String clusterId, Language language) {
    return Calls.async(() -> {
      ClustersClient.requireClusterId(clusterId);
      Args.notNull(language, "language");
      CompletableFuture<String> contextId = Futures.compose(clusters.ensureRunningAsync(clusterId),
          cluster -> startup.start(clusterId, language));
      return ClientInternals.of(db).track(
          Futures.map(contextId, id -> ExecutionContext.open(db, api, options, clusterId, id, language)));
    });
  }

  /** The workspace host, for logs. */
  @Override
  public String toString() {
    return "ExecutionClient[" + db.host() + "]";
  }
}
