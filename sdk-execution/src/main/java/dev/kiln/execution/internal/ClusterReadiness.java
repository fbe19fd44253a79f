package dev.kiln.execution.internal;

import dev.kiln.core.DatabricksClient;
import dev.kiln.core.spi.Readiness;
import dev.kiln.execution.ClusterUnavailableException;
import dev.kiln.execution.ExecutionOptions;
import dev.kiln.execution.model.ClusterInfo;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a cluster to RUNNING with core's {@link Readiness}: TERMINATED → start; TERMINATING → wait,
 * then start; PENDING/RESTARTING/RESIZING → wait; ERROR/UNKNOWN, or TERMINATED again after the
 * start → {@link ClusterUnavailableException}.
 */
public final class ClusterReadiness {
  private static final Logger LOG = LoggerFactory.getLogger(ClusterReadiness.class);

  private final DatabricksClient db;
  private final Function<String, CompletableFuture<ClusterInfo>> getCluster;
  private final Function<String, CompletableFuture<Void>> startCluster;
  private final ExecutionOptions options;

  public ClusterReadiness(DatabricksClient db, Function<String, CompletableFuture<ClusterInfo>> getCluster,
      Function<String, CompletableFuture<Void>> startCluster, ExecutionOptions options) {
    this.db = db;
    this.getCluster = getCluster;
    this.startCluster = startCluster;
    this.options = options;
  }

  /** The cluster once RUNNING. */
  public CompletableFuture<ClusterInfo> ensureRunning(String clusterId, Duration timeout) {
    return new Readiness<ClusterInfo>(db, () -> getCluster.apply(clusterId), () -> {
      LOG.info("cluster {} is terminated; starting it", clusterId);
      return startCluster.apply(clusterId);
    }, ClusterReadiness::decide, ClusterInfo::rawState, options.clusterPollInitialDelay(),
        options.clusterPollMaxDelay(), options.clusterPollMultiplier(), "cluster " + clusterId).await(timeout);
  }

  private static Readiness.Step decide(ClusterInfo info, boolean startSent) {
    switch (info.state()) {
      case RUNNING:
        return Readiness.Step.ready();
      case PENDING:
      case RESTARTING:
      case RESIZING:
        return Readiness.Step.waitWhile("changing");
      case TERMINATING:
        return Readiness.Step.waitWhile("terminating");
      case TERMINATED:
        return startSent ? Readiness.Step.fail(new ClusterUnavailableException(info, "terminated while starting"))
            : Readiness.Step.start();
      default:
        return Readiness.Step.fail(new ClusterUnavailableException(info, "cannot run commands"));
    }
  }
}
