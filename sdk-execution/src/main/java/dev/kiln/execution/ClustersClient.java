package dev.kiln.execution;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.core.ApiRequest;
import dev.kiln.core.BodyReader;
import dev.kiln.core.DatabricksClient;
import dev.kiln.core.Json;
import dev.kiln.core.Page;
import dev.kiln.core.PagedIterable;
import dev.kiln.core.error.InvalidRequestException;
import dev.kiln.core.spi.Args;
import dev.kiln.core.spi.Calls;
import dev.kiln.core.spi.ClientInternals;
import dev.kiln.core.spi.Futures;
import dev.kiln.execution.internal.ClusterReadiness;
import dev.kiln.execution.internal.ClustersWire;
import dev.kiln.execution.model.AutoScale;
import dev.kiln.execution.model.ClusterEvent;
import dev.kiln.execution.model.ClusterEventType;
import dev.kiln.execution.model.ClusterEventsQuery;
import dev.kiln.execution.model.ClusterInfo;
import dev.kiln.execution.model.ClusterListFilter;
import dev.kiln.execution.model.ClusterSpec;
import dev.kiln.execution.model.NodeType;
import dev.kiln.execution.model.SparkVersion;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * The Clusters API (2.1): list, look up, create, edit, start, restart, resize, terminate and
 * permanently delete clusters, the runtimes and node types to build them from, and their event log;
 * plus {@link #ensureRunning} for code that needs a running cluster. {@link #create}, {@link #start},
 * {@link #restart} and {@link #resize} return a {@link ClusterHandle} that waits for RUNNING.
 * Thread-safe.
 *
 * <pre>{@code
 * ClustersClient clusters = ClustersClient.create(db);
 * ClusterInfo running = clusters.create(ClusterSpec.builder()
 *     .clusterName("etl").sparkVersion("15.4.x-scala2.12").nodeTypeId("Standard_DS3_v2")
 *     .autoscale(AutoScale.of(1, 4)).autoterminationMinutes(30).build()).await();
 * }</pre>
 */
public final class ClustersClient {
  /**
   * How long {@link #ensureRunning(String)} waits unless {@link ExecutionOptions#clusterReadyTimeout()}
   * says otherwise; a cold start takes several minutes.
   */
  public static final Duration DEFAULT_READY_TIMEOUT = Duration.ofMinutes(30);

  private static final String BASE = "/api/2.1/clusters/";

  private final DatabricksClient db;
  private final ExecutionOptions options;
  private final ClusterReadiness readiness;
  private final Duration readyTimeout;

  private ClustersClient(DatabricksClient db, ExecutionOptions options) {
    this.db = db;
    this.options = options;
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

  /** The options this client was created with. */
  public ExecutionOptions options() {
    return options;
  }

  // ---- reading

  /** Every cluster the caller can see (terminated ones for 30 days), fetched page by page as iterated. */
  public PagedIterable<ClusterInfo> list() {
    return list(ClusterListFilter.builder().build());
  }

  /** {@code GET /api/2.1/clusters/list} with {@code filter_by.*}, lazily, following {@code next_page_token}. */
  public PagedIterable<ClusterInfo> list(ClusterListFilter filter) {
    Args.notNull(filter, "filter");
    return PagedIterable.of(token -> {
      ApiRequest.Builder req = ApiRequest.get(BASE + "list");
      filter.clusterStates().forEach(s -> req.query("filter_by.cluster_states", s.name()));
      req.query("filter_by.is_pinned", filter.isPinned().orElse(null));
      req.query("filter_by.policy_id", filter.policyId().orElse(null));
      req.query("page_size", filter.pageSize().isPresent() ? filter.pageSize().getAsInt() : null);
      req.query("page_token", token);
      ClustersWire.ListPage page = db.call(req.build(), ClustersWire.ListPage.class);
      return Page.of(page.clusters, page.nextPageToken);
    });
  }

  /**
   * Reads one cluster: its spec, state and, once terminated, why; blocking form of
   * {@link #getClusterAsync(String)}.
   *
   * @param clusterId the cluster's id
   * @return the cluster as the server describes it now
   * @throws dev.kiln.core.error.InvalidRequestException for a null or blank id
   */
  public ClusterInfo getCluster(String clusterId) {
    return Calls.join(getClusterAsync(clusterId));
  }

  /** {@code GET /api/2.1/clusters/get?cluster_id=}; answers up to 60 days after termination. */
  public CompletableFuture<ClusterInfo> getClusterAsync(String clusterId) {
    return Calls.async(() -> {
      ApiRequest req = ApiRequest.get(BASE + "get").query("cluster_id", requireClusterId(clusterId)).build();
      return db.callAsync(req, ClusterInfo.class);
    });
  }

  /** The Databricks Runtime keys a spec may name in {@code sparkVersion}. */
  public List<SparkVersion> sparkVersions() {
    return Calls.join(sparkVersionsAsync());
  }

  /** {@code GET /api/2.1/clusters/spark-versions} (not paged). */
  public CompletableFuture<List<SparkVersion>> sparkVersionsAsync() {
    return Calls.async(() -> Futures.map(db.callAsync(ApiRequest.get(BASE + "spark-versions").build(),
        ClustersWire.SparkVersions.class), r -> r.versions == null ? List.of() : List.copyOf(r.versions)));
  }

  /** The node types a spec may name in {@code nodeTypeId}. */
  public List<NodeType> listNodeTypes() {
    return Calls.join(listNodeTypesAsync());
  }

  /** {@code GET /api/2.1/clusters/list-node-types} (not paged). */
  public CompletableFuture<List<NodeType>> listNodeTypesAsync() {
    return Calls.async(() -> Futures.map(db.callAsync(ApiRequest.get(BASE + "list-node-types").build(),
        ClustersWire.NodeTypes.class), r -> r.nodeTypes == null ? List.of() : List.copyOf(r.nodeTypes)));
  }

  /** The cluster's event log, newest first, fetched page by page as iterated. */
  public PagedIterable<ClusterEvent> events(String clusterId) {
    return events(clusterId, ClusterEventsQuery.builder().build());
  }

  /**
   * {@code POST /api/2.1/clusters/events}, lazily: each page is a POST carrying the previous answer's
   * {@code next_page_token}. Arguments are checked here, before anything is sent.
   */
  public PagedIterable<ClusterEvent> events(String clusterId, ClusterEventsQuery query) {
    String id = requireClusterId(clusterId);
    Args.notNull(query, "query");
    Long start = query.startTime().map(Instant::toEpochMilli).orElse(null);
    Long end = query.endTime().map(Instant::toEpochMilli).orElse(null);
    String order = query.order().map(Enum::name).orElse(null);
    List<String> types = query.eventTypes().isEmpty() ? null
        : query.eventTypes().stream().map(ClusterEventType::name).collect(Collectors.toList());
    Integer pageSize = query.pageSize().isPresent() ? query.pageSize().getAsInt() : null;
    return PagedIterable.of(token -> {
      ApiRequest req = ApiRequest.post(BASE + "events")
          .jsonBody(new ClustersWire.Events(id, start, end, order, types, pageSize, token))
          .idempotent(true) // a read
          .build();
      ClustersWire.EventsPage page = db.call(req, ClustersWire.EventsPage.class);
      return Page.of(page.events, page.nextPageToken);
    });
  }

  // ---- changing

  /** Creates a cluster (it starts at once, PENDING) and returns a handle that waits for RUNNING. */
  public ClusterHandle create(ClusterSpec spec) {
    return Calls.join(createAsync(spec));
  }

  /**
   * {@code POST /api/2.1/clusters/create}; completes once the id is known. Not re-sent after it may
   * have reached the server (a second cluster would cost money).
   */
  public CompletableFuture<ClusterHandle> createAsync(ClusterSpec spec) {
    return Calls.async(() -> {
      Args.notNull(spec, "spec");
      ApiRequest req = ApiRequest.post(BASE + "create").jsonBody(spec).build();
      return Futures.map(db.callAsync(req, ClustersWire.ClusterRef.class), created -> {
        if (created.clusterId == null || created.clusterId.isEmpty()) {
          throw new dev.kiln.core.error.DatabricksClientException("clusters/create answered without a cluster_id");
        }
        return handle(created.clusterId);
      });
    });
  }

  /**
   * Replaces the cluster's whole spec. A RUNNING cluster restarts to apply it, a TERMINATED one stays
   * terminated (and uses it at its next start); other states fail with {@code InvalidStateException}.
   */
  public void edit(String clusterId, ClusterSpec spec) {
    Calls.join(editAsync(clusterId, spec));
  }

  /** {@code POST /api/2.1/clusters/edit {cluster_id, ...spec}}. */
  public CompletableFuture<Void> editAsync(String clusterId, ClusterSpec spec) {
    return Calls.async(() -> {
      String id = requireClusterId(clusterId);
      Args.notNull(spec, "spec");
      ObjectNode body = Json.mapper().valueToTree(spec);
      body.put("cluster_id", id);
      return post("edit", body, false);
    });
  }

  /** Starts a TERMINATED cluster and returns a handle that waits for RUNNING. */
  public ClusterHandle start(String clusterId) {
    return Calls.join(startAsync(clusterId));
  }

  /** {@code POST /api/2.1/clusters/start}; other states than TERMINATED fail with {@code InvalidStateException}. */
  public CompletableFuture<ClusterHandle> startAsync(String clusterId) {
    return Calls.async(() -> Futures.map(startClusterAsync(clusterId), v -> handle(clusterId)));
  }

  /** Starts a terminated cluster; returns once the start was accepted, not when it is running. */
  public void startCluster(String clusterId) {
    Calls.join(startClusterAsync(clusterId));
  }

  /** {@code POST /api/2.1/clusters/start {cluster_id}}, without a handle. */
  public CompletableFuture<Void> startClusterAsync(String clusterId) {
    return Calls.async(() -> post("start", new ClustersWire.ClusterRef(requireClusterId(clusterId)), false));
  }

  /** Restarts a RUNNING cluster (its execution contexts are lost) and returns a handle that waits for RUNNING. */
  public ClusterHandle restart(String clusterId) {
    return Calls.join(restartAsync(clusterId));
  }

  /** {@code POST /api/2.1/clusters/restart}. */
  public CompletableFuture<ClusterHandle> restartAsync(String clusterId) {
    return Calls.async(() -> {
      String id = requireClusterId(clusterId);
      return Futures.map(post("restart", new ClustersWire.ClusterRef(id), false), v -> handle(id));
    });
  }

  /** Sets a RUNNING cluster to a fixed number of workers; the handle waits until it is RUNNING again. */
  public ClusterHandle resize(String clusterId, int numWorkers) {
    return Calls.join(resizeAsync(clusterId, numWorkers));
  }

  /** {@code POST /api/2.1/clusters/resize {cluster_id, num_workers}}. */
  public CompletableFuture<ClusterHandle> resizeAsync(String clusterId, int numWorkers) {
    return Calls.async(() -> {
      String id = requireClusterId(clusterId);
      if (numWorkers < 0) {
        throw new InvalidRequestException("numWorkers must not be negative, was " + numWorkers);
      }
      return Futures.map(post("resize", new ClustersWire.Resize(id, numWorkers, null), true), v -> handle(id));
    });
  }

  /** Gives a RUNNING cluster an autoscale range; the handle waits until it is RUNNING again. */
  public ClusterHandle resize(String clusterId, AutoScale autoscale) {
    return Calls.join(resizeAsync(clusterId, autoscale));
  }

  /** {@code POST /api/2.1/clusters/resize {cluster_id, autoscale}}. */
  public CompletableFuture<ClusterHandle> resizeAsync(String clusterId, AutoScale autoscale) {
    return Calls.async(() -> {
      String id = requireClusterId(clusterId);
      Args.notNull(autoscale, "autoscale");
      return Futures.map(post("resize", new ClustersWire.Resize(id, null, autoscale), true), v -> handle(id));
    });
  }

  /**
   * Terminates the cluster ({@code clusters/delete}): it stops but stays listed as TERMINATED and can
   * be started again. Returns once accepted; terminating a terminated cluster is harmless.
   */
  public void delete(String clusterId) {
    Calls.join(deleteAsync(clusterId));
  }

  /** {@code POST /api/2.1/clusters/delete {cluster_id}}; safe to repeat. */
  public CompletableFuture<Void> deleteAsync(String clusterId) {
    return Calls.async(() -> post("delete", new ClustersWire.ClusterRef(requireClusterId(clusterId)), true));
  }

  /** Terminates the cluster if needed and removes it for good: it is no longer listed or startable. */
  public void permanentDelete(String clusterId) {
    Calls.join(permanentDeleteAsync(clusterId));
  }

  /** {@code POST /api/2.1/clusters/permanent-delete {cluster_id}}. */
  public CompletableFuture<Void> permanentDeleteAsync(String clusterId) {
    return Calls.async(() -> post("permanent-delete", new ClustersWire.ClusterRef(requireClusterId(clusterId)), true));
  }

  /**
   * A handle that waits for a cluster the caller already started (or someone else did) to be
   * RUNNING; its first poll is the first request. Cancelling it terminates the cluster.
   */
  public ClusterHandle handle(String clusterId) {
    String id = requireClusterId(clusterId);
    return ClusterHandle.start(db, options, id, this::getClusterAsync, () -> deleteAsync(id));
  }

  // ---- readiness

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

  /** A lifecycle POST answered by {@code {}}; {@code idempotent}: safe to re-send after an unclear failure. */
  private CompletableFuture<Void> post(String action, Object body, boolean idempotent) {
    ApiRequest req = ApiRequest.post(BASE + action).jsonBody(body).idempotent(idempotent).build();
    return Futures.map(db.sendAsync(req, BodyReader.discard()), r -> (Void) null);
  }

  /** Cluster ids go into query parameters and bodies; checked like any id (not blank, not . or .., bounded). */
  static String requireClusterId(String clusterId) {
    if (clusterId == null || clusterId.isBlank()) {
      throw new InvalidRequestException("clusterId must not be " + (clusterId == null ? "null" : "empty")
          + ": pass the id of a cluster, e.g. 0123-456789-abcdefgh (Compute → cluster → JSON / URL)");
    }
    return Args.id(clusterId, "clusterId");
  }

  /** The workspace host, for logs. */
  @Override
  public String toString() {
    return "ClustersClient[" + db.host() + "]";
  }
}
