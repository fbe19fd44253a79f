package dev.kiln.execution.internal;

import dev.kiln.core.DatabricksClient;
import dev.kiln.core.error.InvalidStateException;
import dev.kiln.core.error.OperationTimeoutException;
import dev.kiln.core.spi.ClientInternals;
import dev.kiln.core.spi.Futures;
import dev.kiln.core.spi.Poller;
import dev.kiln.execution.ClusterUnavailableException;
import dev.kiln.execution.ExecutionOptions;
import dev.kiln.execution.model.ClusterInfo;
import dev.kiln.execution.model.ClusterState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a cluster to RUNNING: TERMINATED → start; TERMINATING → wait, then start;
 * PENDING/RESTARTING/RESIZING → wait; ERROR/UNKNOWN → {@link ClusterUnavailableException}.
 * Each step is chained with {@link Futures#compose}, so cancelling the result cancels the step in
 * flight (a start already sent stays).
 */
public final class ClusterReadiness {
  private static final Logger LOG = LoggerFactory.getLogger(ClusterReadiness.class);
  private static final Set<ClusterState> CHANGING = EnumSet.of(ClusterState.PENDING, ClusterState.RESTARTING, ClusterState.RESIZING);

  private final DatabricksClient db;
  private final Clock clock;
  private final Function<String, CompletableFuture<ClusterInfo>> getCluster;
  private final Function<String, CompletableFuture<Void>> startCluster;
  private final ExecutionOptions options;

  public ClusterReadiness(DatabricksClient db, Function<String, CompletableFuture<ClusterInfo>> getCluster,
      Function<String, CompletableFuture<Void>> startCluster, ExecutionOptions options) {
    this.db = db;
    this.clock = ClientInternals.of(db).clock();
    this.getCluster = getCluster;
    this.startCluster = startCluster;
    this.options = options;
  }

  /** The cluster once RUNNING. */
  public CompletableFuture<ClusterInfo> ensureRunning(String clusterId, Duration timeout) {
    Instant deadline = clock.instant().plus(timeout);
    return Futures.compose(getCluster.apply(clusterId), info -> decide(clusterId, info, deadline, false));
  }

  private CompletableFuture<ClusterInfo> decide(String clusterId, ClusterInfo info, Instant deadline, boolean startSent) {
    ClusterState state = info.state();
    if (state == ClusterState.RUNNING) {
      return CompletableFuture.completedFuture(info);
    }
    if (CHANGING.contains(state) || state == ClusterState.TERMINATING) {
      Set<ClusterState> waitingOn = state == ClusterState.TERMINATING ? EnumSet.of(ClusterState.TERMINATING) : CHANGING;
      return Futures.compose(waitWhile(clusterId, waitingOn, deadline), next -> decide(clusterId, next, deadline, startSent));
    }
    if (state == ClusterState.TERMINATED && !startSent) {
      LOG.info("cluster {} is terminated; starting it", clusterId);
      return Futures.compose(start(clusterId),
          v -> Futures.compose(getCluster.apply(clusterId), next -> decide(clusterId, next, deadline, true)));
    }
    if (state == ClusterState.TERMINATED) {
      return CompletableFuture.failedFuture(new ClusterUnavailableException(info, "terminated while starting"));
    }
    return CompletableFuture.failedFuture(new ClusterUnavailableException(info, "cannot run commands"));
  }

  /** The start request; INVALID_STATE means someone else started it meanwhile, which is what we wanted. */
  private CompletableFuture<Void> start(String clusterId) {
    CompletableFuture<Void> start = startCluster.apply(clusterId);
    return Futures.propagateCancel(start.handle((v, e) -> {
      if (e != null && !(Futures.unwrap(e) instanceof InvalidStateException)) {
        throw new CompletionException(Futures.unwrap(e));
      }
      return null;
    }), start);
  }

  private CompletableFuture<ClusterInfo> waitWhile(String clusterId, Set<ClusterState> states, Instant deadline) {
    Duration left = Duration.between(clock.instant(), deadline);
    if (left.isNegative() || left.isZero()) {
      return CompletableFuture.failedFuture(new OperationTimeoutException("cluster " + clusterId + " did not reach RUNNING in time"));
    }
    return Poller.<ClusterInfo, ClusterInfo>builder(db)
        .poll(() -> getCluster.apply(clusterId))
        .isTerminal(c -> !states.contains(c.state()))
        .result(c -> c)
        .statusOf(ClusterInfo::rawState)
        .initialDelay(options.clusterPollInitialDelay())
        .maxDelay(options.clusterPollMaxDelay())
        .multiplier(options.clusterPollMultiplier())
        .timeout(left)
        .description("cluster " + clusterId + " (waiting to leave " + states + ")")
        .start()
        .resultAsync();
  }
}
