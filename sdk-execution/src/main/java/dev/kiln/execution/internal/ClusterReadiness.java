package dev.kiln.execution.internal;

import dev.kiln.core.DatabricksClient;
import dev.kiln.core.Futures;
import dev.kiln.core.Poller;
import dev.kiln.core.error.InvalidStateException;
import dev.kiln.core.error.OperationTimeoutException;
import dev.kiln.execution.ClusterUnavailableException;
import dev.kiln.execution.model.ClusterInfo;
import dev.kiln.execution.model.ClusterState;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a cluster to RUNNING: TERMINATED → start; TERMINATING → wait, then start;
 * PENDING/RESTARTING/RESIZING → wait; ERROR/UNKNOWN → {@link ClusterUnavailableException}.
 */
public final class ClusterReadiness {
  private static final Logger LOG = LoggerFactory.getLogger(ClusterReadiness.class);
  private static final Set<ClusterState> CHANGING = EnumSet.of(ClusterState.PENDING, ClusterState.RESTARTING, ClusterState.RESIZING);

  private final DatabricksClient db;
  private final Function<String, CompletableFuture<ClusterInfo>> getCluster;
  private final Function<String, CompletableFuture<Void>> startCluster;
  private final Duration firstPoll;
  private final Duration maxPoll;

  public ClusterReadiness(DatabricksClient db, Function<String, CompletableFuture<ClusterInfo>> getCluster,
      Function<String, CompletableFuture<Void>> startCluster, Duration firstPoll, Duration maxPoll) {
    this.db = db;
    this.getCluster = getCluster;
    this.startCluster = startCluster;
    this.firstPoll = firstPoll;
    this.maxPoll = maxPoll;
  }

  /** The cluster once RUNNING; cancelling the future stops waiting (a start already sent stays). */
  public CompletableFuture<ClusterInfo> ensureRunning(String clusterId, Duration timeout) {
    Run run = new Run(clusterId, db.clock().instant().plus(timeout));
    run.continueWith(run.steps.track(getCluster.apply(clusterId)));
    return run.steps.result();
  }

  /** One readiness check of one cluster. */
  private final class Run {
    final CancellableSteps<ClusterInfo> steps = new CancellableSteps<>();
    final String clusterId;
    final Instant deadline;
    volatile boolean startSent;

    Run(String clusterId, Instant deadline) {
      this.clusterId = clusterId;
      this.deadline = deadline;
    }

    void continueWith(CompletableFuture<ClusterInfo> step) {
      step.whenComplete((info, e) -> {
        if (e != null) {
          steps.fail(e);
          return;
        }
        try {
          decide(info);
        } catch (RuntimeException x) {
          steps.fail(x);
        }
      });
    }

    void decide(ClusterInfo info) {
      if (steps.isDone()) {
        return;
      }
      ClusterState state = info.state();
      if (state == ClusterState.RUNNING) {
        steps.complete(info);
      } else if (CHANGING.contains(state)) {
        continueWith(waitWhile(CHANGING));
      } else if (state == ClusterState.TERMINATING) {
        continueWith(waitWhile(EnumSet.of(ClusterState.TERMINATING)));
      } else if (state == ClusterState.TERMINATED && !startSent) {
        start();
      } else if (state == ClusterState.TERMINATED) {
        steps.fail(new ClusterUnavailableException(info, "terminated while starting"));
      } else {
        steps.fail(new ClusterUnavailableException(info, "cannot run commands"));
      }
    }

    void start() {
      startSent = true;
      LOG.info("cluster {} is terminated; starting it", clusterId);
      steps.track(startCluster.apply(clusterId)).whenComplete((v, e) -> {
        // INVALID_STATE: someone else started it meanwhile, which is what we wanted.
        if (e != null && !(Futures.unwrap(e) instanceof InvalidStateException)) {
          steps.fail(e);
          return;
        }
        continueWith(steps.track(getCluster.apply(clusterId)));
      });
    }

    CompletableFuture<ClusterInfo> waitWhile(Set<ClusterState> states) {
      Duration left = Duration.between(db.clock().instant(), deadline);
      if (left.isNegative() || left.isZero()) {
        return CompletableFuture.failedFuture(new OperationTimeoutException("cluster " + clusterId + " did not reach RUNNING in time"));
      }
      Poller<ClusterInfo, ClusterInfo> poller = Poller.<ClusterInfo, ClusterInfo>builder(db)
          .poll(() -> getCluster.apply(clusterId))
          .isTerminal(c -> !states.contains(c.state()))
          .result(c -> c)
          .statusOf(ClusterInfo::state)
          .initialDelay(firstPoll)
          .maxDelay(maxPoll)
          .timeout(left)
          .description("cluster " + clusterId + " (waiting to leave " + states + ")")
          .start();
      return steps.track(poller.resultAsync());
    }
  }
}
