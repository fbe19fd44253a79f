package dev.kiln.execution;

import dev.kiln.core.DatabricksClient;
import dev.kiln.core.Futures;
import dev.kiln.core.error.InvalidRequestException;
import dev.kiln.execution.internal.CancellableSteps;
import dev.kiln.execution.internal.ContextStartup;
import dev.kiln.execution.internal.ExecutionApi;
import dev.kiln.execution.model.Language;
import java.util.Objects;
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
    this.db = Objects.requireNonNull(db, "db");
    this.options = Objects.requireNonNull(options, "options");
    this.api = new ExecutionApi(db);
    this.clusters = new ClustersClient(db, options);
    this.startup = new ContextStartup(db, api, options);
  }

  /** A client with {@link ExecutionOptions#defaults()}. */
  public static ExecutionClient create(DatabricksClient db) {
    return create(db, ExecutionOptions.defaults());
  }

  /** A client that polls, waits and retries as {@code options} say. */
  public static ExecutionClient create(DatabricksClient db, ExecutionOptions options) {
    return new ExecutionClient(db, options);
  }

  public ExecutionOptions options() {
    return options;
  }

  /** The cluster lookups and start used before a context is created. */
  public ClustersClient clusters() {
    return clusters;
  }

  /**
   * Makes sure the cluster is running (starting it if terminated), creates a context and waits
   * until it is ready. Close the context when done.
   */
  public ExecutionContext createContext(String clusterId, Language language) {
    return Futures.join(createContextAsync(clusterId, language));
  }

  /**
   * As {@link #createContext}, without blocking. Cancelling the future stops waiting and destroys
   * a context already created for it.
   */
  public CompletableFuture<ExecutionContext> createContextAsync(String clusterId, Language language) {
    ClustersClient.requireClusterId(clusterId);
    if (language == null) {
      throw new InvalidRequestException("language must not be null: use Language.PYTHON, SQL, SCALA or R");
    }
    CancellableSteps<ExecutionContext> steps = new CancellableSteps<>();
    steps.track(clusters.ensureRunningAsync(clusterId)).whenComplete((cluster, e) -> {
      if (e != null) {
        steps.fail(e);
        return;
      }
      steps.track(startup.start(clusterId, language)).whenComplete((contextId, e2) -> {
        if (e2 != null) {
          steps.fail(e2);
          return;
        }
        ExecutionContext ctx;
        try {
          ctx = ExecutionContext.open(db, api, options, clusterId, contextId, language);
        } catch (RuntimeException x) {
          steps.fail(x);
          return;
        }
        if (!steps.complete(ctx)) { // cancelled meanwhile: nobody else will close it
          ctx.closeAsync();
        }
      });
    });
    return steps.result();
  }

  @Override
  public String toString() {
    return "ExecutionClient[" + db.host() + "]";
  }
}
