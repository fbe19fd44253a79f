package dev.kiln.emulator;

import dev.kiln.core.DatabricksClient;
import dev.kiln.core.auth.Credentials;
import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.emulator.internal.WorkspaceRuntime;
import dev.kiln.emulator.internal.WorkspaceSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import javax.net.ssl.SSLContext;

/**
 * A local Databricks workspace on {@code 127.0.0.1} that speaks the wire protocol of the five APIs Kiln covers,
 * backed by an embedded DuckDB database. For tests, demos and benchmarks:
 *
 * <pre>{@code
 * try (LocalWorkspace ws = LocalWorkspace.start()) {
 *   ws.sql().execute("CREATE TABLE sales AS SELECT id, id * 10 AS amount FROM range(100)");
 *   SqlClient sql = SqlClient.create(ws.client());
 *   StatementResult r = sql.execute(ws.defaultWarehouseId(), "SELECT SUM(amount) FROM sales");
 * }
 * }</pre>
 *
 * <ul>
 *   <li><b>SQL</b>: Statement Execution (with result chunks and expiring external links), SQL warehouses and
 *       the Queries API. Seed with {@link #sql()}, {@link #addWarehouse} and {@link #addQuery}; every workspace
 *       starts with {@link #defaultWarehouseId()}.
 *   <li><b>Execution</b>: the Clusters API and command execution (API 1.2; {@code python} runs in a local
 *       {@code python3}, {@code sql} on the engine). Seed with {@link #addCluster} and {@link #addBrokenCluster};
 *       every workspace starts with the RUNNING {@link #defaultClusterId()}.
 *   <li><b>Model Serving</b>: endpoints and invocations, answered by Java handlers ({@link ServingModels}).
 *       Seed with {@link #addServingEndpoint}; three endpoints are built in.
 *   <li><b>Vector Search</b>: endpoints, direct-access and delta-sync indexes, queries and scans. Seed with
 *       {@link #addVectorSearchEndpoint}, {@link #addDirectAccessIndex}, {@link #addDeltaSyncIndex} and {@link
 *       #syncIndex}; indexes without an endpoint live on {@link #defaultVectorSearchEndpoint()}.
 *   <li><b>Files</b>: DBFS, the workspace tree (notebooks, files, folders) and Unity Catalog volume files
 *       (Files API), kept in a temporary directory deleted on {@link #close()}. Seed with {@link #addNotebook}.
 *   <li><b>Genie</b>: spaces answering from {@link GenieRule}s, conversations, messages and query results. Seed
 *       with {@link #addGenieSpace}; {@link #expireGenieQueryResult} drops a message's result.
 * </ul>
 *
 * {@link #faults()} injects latency, error statuses and broken bodies. Every {@code /api/} and {@code
 * /serving-endpoints} route requires {@code Authorization: Bearer} {@link #token()} (401 otherwise). The {@code
 * add} methods reject what the workspace cannot take (an unknown warehouse, a missing source table, ...) with
 * {@link IllegalArgumentException}. Thread-safe. {@link #close()} stops the server and every thread and Python
 * process the workspace started.
 */
public final class LocalWorkspace implements AutoCloseable {
  private final WorkspaceRuntime runtime;
  private DatabricksClient client;
  private boolean closed;

  private LocalWorkspace(WorkspaceRuntime runtime) {
    this.runtime = runtime;
  }

  /** Starts a workspace with default settings on an ephemeral loopback port. */
  public static LocalWorkspace start() {
    return builder().start();
  }

  /**
   * A builder for a workspace with settings other than the defaults (port, clock, start times,
   * data); call {@code start()} on it.
   */
  public static Builder builder() {
    return new Builder();
  }

  /** {@code http://127.0.0.1:PORT}, or {@code https://} with {@link Builder#https()}. */
  public String host() {
    return runtime.host();
  }

  /**
   * {@code http://127.0.0.1:PORT2}: the "cloud storage" that EXTERNAL_LINKS point at, a listener of its own
   * (as presigned URLs are another host), which refuses requests that carry {@code Authorization}.
   */
  public String storageHost() {
    return runtime.storageHost();
  }

  /**
   * With {@link Builder#https()}: an {@link SSLContext} that trusts this workspace's self-signed certificate
   * (for {@code HttpClient.newBuilder().sslContext(...)} and the like).
   *
   * @throws IllegalStateException when the workspace serves plain http
   */
  public SSLContext sslContext() {
    return runtime.clientTls().orElseThrow(LocalWorkspace::notHttps);
  }

  /**
   * With {@link Builder#https()}: a PKCS12 trust store file holding this workspace's certificate, password
   * {@link #trustStorePassword()}, for clients configured by path (the JDBC driver's {@code SSLTrustStore},
   * {@code javax.net.ssl.trustStore}). Deleted when the workspace closes.
   *
   * @throws IllegalStateException when the workspace serves plain http
   */
  public Path trustStorePath() {
    return runtime.trustStore().orElseThrow(LocalWorkspace::notHttps);
  }

  /** The password of {@link #trustStorePath()}. */
  public String trustStorePassword() {
    return runtime.trustStorePassword();
  }

  private static IllegalStateException notHttps() {
    return new IllegalStateException("this workspace serves plain http; start it with LocalWorkspace.builder().https()");
  }

  /** The bearer token this workspace accepts. */
  public String token() {
    return runtime.token();
  }

  /**
   * Registers a service principal for OAuth M2M: {@code POST /oidc/v1/token} with {@code
   * grant_type=client_credentials} and this client id and secret (HTTP Basic or form fields) issues an access
   * token that the REST routes accept until it expires ({@link Builder#oauthTokenTtl}).
   */
  public LocalWorkspace addServicePrincipal(String clientId, String clientSecret) {
    runtime.addServicePrincipal(clientId, clientSecret);
    return this;
  }

  /** A client configured for this workspace, created on first use and closed with the workspace. */
  public synchronized DatabricksClient client() {
    if (closed) {
      throw new IllegalStateException("the workspace is closed");
    }
    if (client == null) {
      DatabricksClient.Builder builder =
          DatabricksClient.builder().host(host()).credentials(Credentials.personalAccessToken(token()));
      runtime.clientTls().ifPresent(tls -> builder.httpClient(
          HttpClient.newBuilder().sslContext(tls).version(HttpClient.Version.HTTP_1_1).build()));
      client = builder.build();
    }
    return client;
  }

  /** Setup SQL run directly on the engine, e.g. {@code ws.sql().execute("CREATE TABLE ...")}. */
  public LocalSql sql() {
    return runtime.sql();
  }

  /** The id of the warehouse every workspace starts with. */
  public String defaultWarehouseId() {
    return runtime.defaultWarehouseId();
  }

  /** Adds (or renames) a SQL warehouse; all warehouses share the one SQL engine. */
  public LocalWorkspace addWarehouse(String id, String name) {
    runtime.addWarehouse(id, name);
    return this;
  }

  /** Adds a saved query for the Queries API and returns its id. */
  public String addQuery(SavedQuery query) {
    return runtime.addQuery(Objects.requireNonNull(query, "query"));
  }

  /** Adds a Genie space and returns its id. */
  public String addGenieSpace(GenieSpaceSpec space) {
    return runtime.addGenieSpace(Objects.requireNonNull(space, "space"));
  }

  /**
   * Makes a completed Genie message's query result unavailable, as when Databricks drops it: the message
   * turns {@code QUERY_RESULT_EXPIRED} and its statement {@code CLOSED}; {@code execute-query} runs it again.
   */
  public void expireGenieQueryResult(String messageId) {
    runtime.expireGenieQueryResult(Objects.requireNonNull(messageId, "messageId"));
  }

  // ---- clusters and command execution (API 1.2)

  /** The id of the RUNNING cluster every workspace starts with. */
  public String defaultClusterId() {
    return runtime.defaultClusterId();
  }

  /**
   * Adds (or replaces) a cluster. PENDING, RESTARTING and RESIZING become RUNNING, TERMINATING becomes
   * TERMINATED, after the builder's {@link Builder#clusterStartTime}; a TERMINATED one starts with {@code
   * POST /api/2.1/clusters/start}.
   */
  public LocalWorkspace addCluster(String id, String name, ClusterState initialState) {
    runtime.addCluster(id, name, initialState, "");
    return this;
  }

  /** Adds a cluster in state ERROR with {@code stateMessage}: it cannot start or take contexts. */
  public LocalWorkspace addBrokenCluster(String id, String name, String stateMessage) {
    runtime.addCluster(id, name, ClusterState.ERROR, Objects.requireNonNull(stateMessage, "stateMessage"));
    return this;
  }

  // ---- Workspace files (DBFS, the workspace tree and volumes live in a temporary directory deleted on close)

  /**
   * Adds a notebook (and its parent folders) to the workspace tree, as a SOURCE import would: {@code language}
   * is PYTHON, SQL, SCALA or R, {@code path} absolute ({@code /Workspace/...} or {@code /Users/...}). Job
   * notebook tasks run it (PYTHON or SQL; SCALA and R fail when run): a Python notebook's {@code
   * dbutils.notebook.exit(value)}, or else its last expression, becomes the task's {@code
   * notebook_output.result}, and {@code dbutils.widgets.get} reads the task's parameters. A notebook task whose
   * path does not exist succeeds with an empty result.
   */
  public LocalWorkspace addNotebook(String path, String language, String source) {
    runtime.addNotebook(Objects.requireNonNull(path, "path"), Objects.requireNonNull(language, "language"), source);
    return this;
  }

  // ---- Model Serving

  /**
   * Adds (or replaces) a serving endpoint answered by a Java handler. Built in: {@code databricks-llama}
   * (chat, echo), {@code databricks-bge-large-en} (embeddings) and {@code bir-tax-forecaster} (predictions).
   */
  public LocalWorkspace addServingEndpoint(ServingEndpointSpec endpoint) {
    runtime.addServingEndpoint(Objects.requireNonNull(endpoint, "endpoint"));
    return this;
  }

  /** Adds a ready serving endpoint for a custom model: {@code handler} maps the request body to the reply. */
  public LocalWorkspace addServingEndpoint(String name, Function<JsonNode, JsonNode> handler) {
    return addServingEndpoint(ServingEndpointSpec.builder().name(name).handler(handler).build());
  }

  // ---- Jobs

  /** From now on every job task with this key fails with {@code message} (its error in runs/get-output). */
  public LocalWorkspace failJobTask(String taskKey, String message) {
    runtime.failJobTask(taskKey, message);
    return this;
  }

  /**
   * From now on every job task with this key runs until its {@code timeout_seconds} (or one job step when it
   * has none) and then ends TIMEDOUT.
   */
  public LocalWorkspace timeOutJobTask(String taskKey) {
    runtime.timeOutJobTask(taskKey);
    return this;
  }

  // ---- Vector Search

  /** The Vector Search endpoint every workspace starts with; indexes without an endpoint name live there. */
  public String defaultVectorSearchEndpoint() {
    return runtime.defaultVectorSearchEndpoint();
  }

  /**
   * Adds a Vector Search endpoint called {@code name}, {@code ONLINE} at once, for indexes to name.
   */
  public LocalWorkspace addVectorSearchEndpoint(String name) {
    runtime.addVectorSearchEndpoint(name);
    return this;
  }

  /**
   * Adds an online STORAGE_OPTIMIZED endpoint (an existing name is kept): its queries take filters as a
   * SQL-like string ({@code "price < 200 AND make IN ('a')"}) and refuse the JSON object form.
   */
  public LocalWorkspace addStorageOptimizedVectorSearchEndpoint(String name) {
    runtime.addStorageOptimizedVectorSearchEndpoint(name);
    return this;
  }

  /** Adds (or replaces) an empty direct-access index; fill it with {@code upsert-data}. */
  public LocalWorkspace addDirectAccessIndex(DirectAccessIndexSpec index) {
    runtime.addDirectAccessIndex(index);
    return this;
  }

  /** Adds (or replaces) a delta-sync index and syncs it from its source table. */
  public LocalWorkspace addDeltaSyncIndex(DeltaSyncIndexSpec index) {
    runtime.addDeltaSyncIndex(index);
    return this;
  }

  /** Re-reads a delta-sync index's source table (as a triggered pipeline update does). */
  public void syncIndex(String indexName) {
    runtime.syncIndex(indexName);
  }

  // ---- waiting for the workspace's own asynchronous work (test support)
  //
  // Each blocks on the workspace's state changes (no polling) until the condition holds, and throws an
  // IllegalStateException naming the work and its status once the timeout has passed; an unknown id is an
  // IllegalArgumentException. A test then reads the outcome over the wire as any client would. Time-based
  // transitions (cluster start-up, serving endpoint start-up, result retention, link expiry) follow the
  // builder's clock instead: advance a test clock rather than wait.

  /**
   * Blocks until the statement (SQL or Genie-generated) is SUCCEEDED, FAILED, CANCELED or CLOSED and returns
   * that state.
   */
  public String awaitStatement(String statementId, Duration timeout) {
    return runtime.awaitStatement(Objects.requireNonNull(statementId, "statementId"), timeout);
  }

  /**
   * Blocks until the execution context is no longer {@code Pending} and returns its status ({@code Running} or
   * {@code Error}).
   */
  public String awaitContext(String contextId, Duration timeout) {
    return runtime.awaitContext(Objects.requireNonNull(contextId, "contextId"), timeout);
  }

  /**
   * Blocks until the command (API 1.2) has left {@code Queued} and returns its status then: {@code Running}, or
   * a later one if it ended (or was cancelled) first.
   */
  public String awaitCommandStarted(String commandId, Duration timeout) {
    return runtime.awaitCommandStarted(Objects.requireNonNull(commandId, "commandId"), timeout);
  }

  /**
   * Blocks until the command (API 1.2) is {@code Finished}, {@code Cancelled} or {@code Error} and returns that
   * status.
   */
  public String awaitCommand(String commandId, Duration timeout) {
    return runtime.awaitCommand(Objects.requireNonNull(commandId, "commandId"), timeout);
  }

  /**
   * Blocks until the Genie message is COMPLETED, FAILED, CANCELLED or QUERY_RESULT_EXPIRED and returns that
   * status.
   */
  public String awaitGenieMessage(String messageId, Duration timeout) {
    return runtime.awaitGenieMessage(Objects.requireNonNull(messageId, "messageId"), timeout);
  }

  /**
   * Blocks until the Genie message's status is no longer {@code status} and returns the status it has then, so
   * a test can follow a message step by step.
   */
  public String awaitGenieMessageChange(String messageId, String status, Duration timeout) {
    return runtime.awaitGenieMessageChange(
        Objects.requireNonNull(messageId, "messageId"), Objects.requireNonNull(status, "status"), timeout);
  }

  /** Faults on demand: latency, 429/503 with Retry-After, resets, slow bodies, 500s, expired links. */
  public Faults faults() {
    return runtime.faults();
  }

  @Override
  public void close() {
    DatabricksClient toClose;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      toClose = client;
    }
    try {
      if (toClose != null) {
        toClose.close();
      }
    } finally {
      runtime.close();
    }
  }

  @Override
  public String toString() {
    return "LocalWorkspace{" + host() + "}"; // never the token
  }

  /** Settings of a {@link LocalWorkspace}; every one has a default. */
  public static final class Builder {
    private final WorkspaceSettings settings = new WorkspaceSettings();

    private Builder() {}

    /** Rows per result chunk (default 10,000); small values make multi-chunk results easy to test. */
    public Builder chunkRowCount(int rows) {
      settings.chunkRowCount(rows);
      return this;
    }

    /**
     * EXTERNAL_LINKS results (counted as the text of their values) larger than this are cut and marked
     * {@code truncated} (default 256 MiB; Databricks' limit is 100 GiB, but the emulator holds each result in
     * memory). Raise it, with the heap to match, to serve larger results.
     */
    public Builder maxResultBytes(long bytes) {
      settings.maxResultBytes(bytes);
      return this;
    }

    /**
     * ARROW_STREAM results carry ARRAY, MAP and STRUCT columns as Arrow list, map and struct vectors
     * instead of UTF-8 JSON text (default false: the Statement Execution API sends JSON text; native nested
     * Arrow is what Databricks sends over Thrift with {@code complexTypesAsArrow}). For testing readers.
     */
    public Builder arrowNativeComplexTypes(boolean enabled) {
      settings.arrowNativeComplexTypes(enabled);
      return this;
    }

    /** How long an external link works (default 15 minutes, as on Databricks). */
    public Builder externalLinkTtl(Duration ttl) {
      settings.externalLinkTtl(ttl);
      return this;
    }

    /** How long a SUCCEEDED statement keeps its result before it is CLOSED (default 1 hour). */
    public Builder resultRetention(Duration retention) {
      settings.resultRetention(retention);
      return this;
    }

    /** The pause between Genie message statuses (default 100 ms); zero for fast tests. */
    public Builder genieStepDelay(Duration delay) {
      settings.genieStepDelay(delay);
      return this;
    }

    /**
     * The clock for link expiry, result retention, cluster and serving endpoint start-up, and timestamps
     * (default system UTC).
     */
    public Builder clock(Clock clock) {
      settings.clock(clock);
      return this;
    }

    /** A fixed bearer token instead of a random one. */
    public Builder token(String token) {
      settings.token(token);
      return this;
    }

    /** Threads serving HTTP (default 16); waits on statements do not hold one. */
    public Builder serverThreads(int threads) {
      settings.serverThreads(threads);
      return this;
    }

    /** Statements running at once (default 10, like a warehouse); the rest wait as PENDING. */
    public Builder sqlConcurrency(int statements) {
      settings.sqlConcurrency(statements);
      return this;
    }

    /**
     * How long a cluster stays PENDING (also RESTARTING, TERMINATING) before it moves on (default 200 ms),
     * measured on the {@link #clock}: with a test clock, advance it to bring a cluster up.
     */
    public Builder clusterStartTime(Duration time) {
      settings.clusterStartTime(time);
      return this;
    }

    /**
     * How long a SQL warehouse stays STARTING (after start, create, or a statement naming it while stopped) or
     * STOPPING (default 200 ms), measured on the {@link #clock}.
     */
    public Builder warehouseStartTime(Duration time) {
      settings.warehouseStartTime(time);
      return this;
    }

    /** Execution contexts a cluster holds at once (default 20); one more fails. */
    public Builder contextsPerCluster(int limit) {
      settings.contextsPerCluster(limit);
      return this;
    }

    /** How long one command may run before it is stopped with status {@code Error} (default 5 minutes). */
    public Builder commandTimeout(Duration timeout) {
      settings.commandTimeout(timeout);
      return this;
    }

    /** The interpreter for {@code python} commands (default: {@code python3} on the PATH). */
    public Builder pythonExecutable(Path python) {
      settings.pythonExecutable(Optional.of(Objects.requireNonNull(python, "python")));
      return this;
    }

    /** Runs without Python: {@code python} commands answer an error result saying so. */
    public Builder withoutPython() {
      settings.pythonExecutable(Optional.empty());
      return this;
    }

    /**
     * How long an endpoint created with {@code POST /api/2.0/serving-endpoints} is NOT_READY (default 200 ms),
     * measured on the {@link #clock}.
     */
    public Builder servingEndpointStartTime(Duration time) {
      settings.servingEndpointStartTime(time);
      return this;
    }

    /**
     * How long each step of a job run and of each task lasts (PENDING, the least time RUNNING, TERMINATING;
     * default 50 ms), measured on the {@link #clock}.
     */
    public Builder jobStepTime(Duration time) {
      settings.jobStepTime(time);
      return this;
    }

    /**
     * How long a vector search endpoint or index created over the API stays PROVISIONING (default 200 ms),
     * measured on the {@link #clock}; seeded ones are online at once.
     */
    public Builder vectorSearchProvisioningTime(Duration time) {
      settings.vectorSearchProvisioningTime(time);
      return this;
    }

    /**
     * How long a model version created with {@code POST /api/2.0/mlflow/model-versions/create} stays
     * PENDING_REGISTRATION before it is READY (default 200 ms), measured on the {@link #clock}.
     */
    public Builder modelRegistrationTime(Duration time) {
      settings.modelRegistrationTime(time);
      return this;
    }

    /**
     * How long a data-plane token minted for a route-optimized serving endpoint lives (default 1 hour), on the
     * {@link #clock}.
     */
    public Builder servingDataPlaneTokenLifetime(Duration time) {
      settings.servingDataPlaneTokenLifetime(time);
      return this;
    }

    /** Rows per vector search result page (default 1,000); more come through {@code next_page_token}. */
    public Builder vectorSearchPageSize(int rows) {
      settings.vectorSearchPageSize(rows);
      return this;
    }

    /**
     * Serves https (workspace and storage listeners) with a self-signed certificate for {@code 127.0.0.1} and
     * {@code localhost}, made at start; clients trust it through {@link LocalWorkspace#sslContext()} or {@link
     * LocalWorkspace#trustStorePath()}. Plain http is the default.
     */
    public Builder https() {
      settings.https(true);
      return this;
    }

    /** How long an OAuth access token from {@code /oidc/v1/token} works (default 1 hour), on the {@link #clock}. */
    public Builder oauthTokenTtl(Duration ttl) {
      settings.oauthTokenTtl(ttl);
      return this;
    }

    /** Starts a workspace; a builder may start several (each with its own random token unless one was set). */
    public LocalWorkspace start() {
      try {
        return new LocalWorkspace(WorkspaceRuntime.start(settings));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot start the local workspace", e);
      }
    }
  }
}
