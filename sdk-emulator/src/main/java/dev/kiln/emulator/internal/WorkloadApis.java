package dev.kiln.emulator.internal;

import dev.kiln.emulator.ClusterState;
import dev.kiln.emulator.DeltaSyncIndexSpec;
import dev.kiln.emulator.DirectAccessIndexSpec;
import dev.kiln.emulator.ServingEndpointSpec;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;

/**
 * The workload APIs beyond SQL: clusters and command execution (API 1.2), Model Serving and Vector Search,
 * with their shared state and the seeding methods {@code LocalWorkspace} delegates to. Seeding failures are
 * {@link IllegalArgumentException}s. {@link #close()} kills every Python process and command thread.
 */
public final class WorkloadApis implements AutoCloseable {
  private final Clusters clusters;
  private final ExecutionContexts contexts;
  private final ServingEndpoints serving;
  private final VectorSearch vectorSearch;
  private final ClustersApi clustersApi;
  private final ExecutionApi executionApi;
  private final ServingApi servingApi;
  private final VectorSearchApi vectorSearchApi;

  WorkloadApis(WorkloadSettings settings, SqlEngine engine, ScheduledExecutorService scheduler, Clock clock,
      Supplier<String> host) {
    this.clusters = new Clusters(scheduler, clock, settings.clusterStartTime());
    CommandRunner runner =
        new CommandRunner(engine, scheduler, settings.commandTimeout(), settings.pythonExecutable());
    this.contexts = new ExecutionContexts(clusters, runner, settings.contextsPerCluster());
    this.serving = new ServingEndpoints(scheduler, clock);
    this.vectorSearch = new VectorSearch(engine, serving, clock);
    this.clustersApi = new ClustersApi(clusters);
    this.executionApi = new ExecutionApi(contexts);
    this.servingApi = new ServingApi(serving, host, settings.servingEndpointStartTime());
    this.vectorSearchApi = new VectorSearchApi(vectorSearch, serving, settings.vectorSearchPageSize(), host);
  }

  WorkspaceApi clustersApi() {
    return clustersApi;
  }

  WorkspaceApi executionApi() {
    return executionApi;
  }

  WorkspaceApi servingApi() {
    return servingApi;
  }

  WorkspaceApi vectorSearchApi() {
    return vectorSearchApi;
  }

  public String defaultClusterId() {
    return clusters.defaultClusterId();
  }

  public void addCluster(String id, String name, ClusterState state, String stateMessage) {
    clusters.add(id, name, state, stateMessage);
  }

  public void addServingEndpoint(ServingEndpointSpec spec) {
    serving.add(spec);
  }

  public String defaultVectorSearchEndpoint() {
    return VectorSearch.DEFAULT_ENDPOINT;
  }

  public void addVectorSearchEndpoint(String name) {
    seeding(() -> vectorSearch.addEndpoint(Objects.requireNonNull(name, "name"), true));
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

  /** Seeding is Java code: API errors become {@link IllegalArgumentException}s. */
  private static void seeding(Runnable action) {
    try {
      action.run();
    } catch (ApiException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    contexts.close();
  }
}
