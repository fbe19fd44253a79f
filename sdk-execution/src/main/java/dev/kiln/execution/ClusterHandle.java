package dev.kiln.execution;

import dev.kiln.core.DatabricksClient;
import dev.kiln.core.OperationHandle;
import dev.kiln.core.spi.Poller;
import dev.kiln.execution.model.ClusterInfo;
import dev.kiln.execution.model.ClusterState;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A cluster on its way to RUNNING (after create, start, restart or resize), observed by polling
 * {@code clusters/get} on the client's scheduler. {@link #await()} returns the running cluster or
 * throws {@link ClusterUnavailableException} with the termination reason when it ends TERMINATED or
 * ERROR; PENDING, RESTARTING, RESIZING, TERMINATING and UNKNOWN keep it waiting, up to
 * {@link ExecutionOptions#clusterReadyTimeout()}. {@link #cancel()} — and cancelling
 * {@link #resultAsync()} — <b>terminates the cluster</b>, the only way to stop a start.
 */
public final class ClusterHandle extends OperationHandle<ClusterInfo, ClusterState, ClusterInfo> {
  private ClusterHandle(String clusterId, Poller<ClusterInfo, ClusterInfo> poller) {
    super(clusterId, poller, ClusterState.class, ClusterInfo::rawState);
  }

  static ClusterHandle start(DatabricksClient db, ExecutionOptions options, String clusterId,
      Function<String, CompletableFuture<ClusterInfo>> get, Supplier<CompletableFuture<Void>> terminate) {
    Poller<ClusterInfo, ClusterInfo> poller = Poller.<ClusterInfo, ClusterInfo>builder(db)
        .poll(() -> get.apply(clusterId))
        .isTerminal(ClusterHandle::isTerminal)
        .result(ClusterHandle::resultOf)
        .cancel(terminate)
        .statusOf(ClusterInfo::rawState)
        .initialDelay(options.clusterPollInitialDelay())
        .maxDelay(options.clusterPollMaxDelay())
        .multiplier(options.clusterPollMultiplier())
        .timeout(options.clusterReadyTimeout())
        .description("cluster " + clusterId)
        .start();
    return new ClusterHandle(clusterId, poller);
  }

  private static boolean isTerminal(ClusterInfo c) {
    ClusterState s = c.state();
    return s == ClusterState.RUNNING || s == ClusterState.TERMINATED || s == ClusterState.ERROR;
  }

  private static ClusterInfo resultOf(ClusterInfo c) {
    if (c.state() == ClusterState.RUNNING) {
      return c;
    }
    throw new ClusterUnavailableException(c, "did not reach RUNNING");
  }

  /** The cluster being waited for; the same as {@link #id()}. */
  public String clusterId() {
    return id();
  }
}
