package dev.kiln.execution;

import dev.kiln.core.ApiRequest;
import dev.kiln.core.BodyReader;
import dev.kiln.core.DatabricksClient;
import dev.kiln.core.error.InvalidRequestException;
import dev.kiln.core.spi.Args;
import dev.kiln.core.spi.Calls;
import dev.kiln.core.spi.ClientInternals;
import dev.kiln.core.spi.Futures;
import dev.kiln.execution.internal.ClusterReadiness;
import dev.kiln.execution.internal.ExecutionWire;
import dev.kiln.execution.model.ClusterInfo;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * The little of the Clusters API (2.1) that running commands needs: look a cluster up, start it,
 * and wait until it can run commands. Thread-safe.
 */
public final class ClustersClient {
  /**
   * How long {@link #ensureRunning(String)} waits unless {@link ExecutionOptions#clusterReadyTimeout()}
   * says otherwise; a cold start takes several minutes.
   */
  public static final Duration DEFAULT_READY_TIMEOUT = Duration.ofMinutes(30);

  private final DatabricksClient db;
  private final ClusterReadiness readiness;
  private final Duration readyTimeout;

  private ClustersClient(DatabricksClient db, ExecutionOptions options) {
    this.db = db;
    this.readiness = new ClusterReadiness(db, this::getClusterAsync, this::startClusterAsync, options);
    this.readyTimeout = options.clusterReadyTimeout();
  }

  /** A client with {@link ExecutionOptions#defaults()}; {@code ExecutionClient.clusters()} gives one too. */
  public static ClustersClient create(DatabricksClient db) {
    return create(db, ExecutionOptions.defaults());
  }

  /** A client that polls and waits as {@code options} say. */
  public static ClustersClient create(DatabricksClient db, ExecutionOptions options) {
    return new ClustersClient(Args.notNull(db, "db"), Args.notNull(options, "options"));
  }

  public ClusterInfo getCluster(String clusterId) {
    return Calls.join(getClusterAsync(clusterId));
  }

  /** {@code GET /api/2.1/clusters/get?cluster_id=}. */
  public CompletableFuture<ClusterInfo> getClusterAsync(String clusterId) {
    return Calls.async(() -> {
      ApiRequest req = ApiRequest.get("/api/2.1/clusters/get").query("cluster_id", requireClusterId(clusterId)).build();
      return db.callAsync(req, ClusterInfo.class);
    });
  }

  /** Starts a terminated cluster; returns once the start was accepted, not when it is running. */
  public void startCluster(String clusterId) {
    Calls.join(startClusterAsync(clusterId));
  }

  /** {@code POST /api/2.1/clusters/start {cluster_id}}. */
  public CompletableFuture<Void> startClusterAsync(String clusterId) {
    return Calls.async(() -> {
      ApiRequest req = ApiRequest.post("/api/2.1/clusters/start")
          .jsonBody(new ExecutionWire.StartCluster(requireClusterId(clusterId)))
          .build();
      return Futures.map(db.sendAsync(req, BodyReader.discard()), r -> (Void) null);
    });
  }

  /**
   * Waits until the cluster is RUNNING, starting it if it is terminated. Throws
   * {@link ClusterUnavailableException} for ERROR/UNKNOWN (with the server's state message), and
   * {@code OperationTimeoutException} after {@link ExecutionOptions#clusterReadyTimeout()}.
   */
  public ClusterInfo ensureRunning(String clusterId) {
    return Calls.join(ensureRunningAsync(clusterId));
  }

  /** As {@link #ensureRunning(String)}, without blocking; gives up after the options' {@code clusterReadyTimeout}. */
  public CompletableFuture<ClusterInfo> ensureRunningAsync(String clusterId) {
    return ensureRunningAsync(clusterId, readyTimeout);
  }

  /** As {@link #ensureRunning(String)}; throws {@code OperationTimeoutException} after {@code timeout}. */
  public ClusterInfo ensureRunning(String clusterId, Duration timeout) {
    return Calls.join(ensureRunningAsync(clusterId, timeout));
  }

  /** As {@link #ensureRunning(String)}; fails with {@code OperationTimeoutException} after {@code timeout}. */
  public CompletableFuture<ClusterInfo> ensureRunningAsync(String clusterId, Duration timeout) {
    return Calls.async(() -> {
      requireClusterId(clusterId);
      Args.notNull(timeout, "timeout");
      if (timeout.isNegative() || timeout.isZero()) {
        throw new InvalidRequestException("timeout must be positive, was " + timeout);
      }
      return ClientInternals.of(db).track(readiness.ensureRunning(clusterId, timeout));
    });
  }

  /** Cluster ids go into query parameters; checked like any id (not blank, not . or .., bounded). */
  static String requireClusterId(String clusterId) {
    if (clusterId == null || clusterId.isBlank()) {
      throw new InvalidRequestException("clusterId must not be " + (clusterId == null ? "null" : "empty")
          + ": pass the id of an all-purpose cluster, e.g. 0123-456789-abcdefgh (Compute → cluster → JSON / URL)");
    }
    return Args.id(clusterId, "clusterId");
  }

  @Override
  public String toString() {
    return "ClustersClient[" + db.host() + "]";
  }
}
