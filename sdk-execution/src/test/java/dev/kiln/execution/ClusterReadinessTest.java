package dev.kiln.execution;

import static dev.kiln.execution.FakeWorkspace.CLUSTER;
import static dev.kiln.execution.FakeWorkspace.CLUSTERS_GET;
import static dev.kiln.execution.FakeWorkspace.CLUSTERS_START;
import static dev.kiln.execution.FakeWorkspace.CONTEXT_CREATE;
import static dev.kiln.execution.FakeWorkspace.CONTEXT_DESTROY;
import static dev.kiln.execution.FakeWorkspace.CONTEXT_STATUS;
import static dev.kiln.execution.FakeWorkspace.cluster;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.core.spi.Futures;
import dev.kiln.core.error.OperationTimeoutException;
import dev.kiln.execution.model.ClusterInfo;
import dev.kiln.execution.model.ClusterState;
import dev.kiln.execution.model.Language;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The cluster state machine run before a context is created. */
class ClusterReadinessTest extends ExecutionTestBase {

  @Test
  void terminatedClusterIsStartedAndAwaitedThroughPendingBeforeTheContextIsCreated() {
    start(new FakeWorkspace()
        .then(CLUSTERS_GET, cluster("TERMINATED"))
        .then(CLUSTERS_START, "{}")
        .then(CLUSTERS_GET, cluster("PENDING"))
        .then(CLUSTERS_GET, cluster("PENDING"))
        .then(CLUSTERS_GET, cluster("RUNNING"))
        .contextStarts("ctx-1")
        .always(CONTEXT_DESTROY, "{}"));

    try (ExecutionContext ctx = exec.createContext(CLUSTER, Language.PYTHON)) {
      assertEquals("ctx-1", ctx.id());
      assertEquals(CLUSTER, ctx.clusterId());
    }

    assertEquals(List.of(CLUSTERS_GET, CLUSTERS_START, CLUSTERS_GET, CLUSTERS_GET, CLUSTERS_GET,
        CONTEXT_CREATE, CONTEXT_STATUS, CONTEXT_DESTROY), ws.paths());
    assertTrue(sleeper.sleeps().get(0).compareTo(Duration.ofSeconds(1)) >= 0,
        "cluster polls back off through the sleeper: " + sleeper.sleeps());
  }

  @Test
  void terminatingClusterIsAwaitedThenStarted() {
    start(new FakeWorkspace()
        .then(CLUSTERS_GET, cluster("TERMINATING"))
        .then(CLUSTERS_GET, cluster("TERMINATED"))
        .then(CLUSTERS_START, "{}")
        .then(CLUSTERS_GET, cluster("PENDING"))
        .then(CLUSTERS_GET, cluster("RUNNING")));

    ClusterInfo info = exec.clusters().ensureRunning(CLUSTER);

    assertEquals(ClusterState.RUNNING, info.state());
    assertEquals(List.of(CLUSTERS_GET, CLUSTERS_GET, CLUSTERS_START, CLUSTERS_GET, CLUSTERS_GET), ws.paths());
  }

  @Test
  void restartingAndResizingClustersAreAwaitedWithoutAStart() {
    start(new FakeWorkspace()
        .then(CLUSTERS_GET, cluster("RESTARTING"))
        .then(CLUSTERS_GET, cluster("RESIZING"))
        .then(CLUSTERS_GET, cluster("RUNNING")));

    exec.clusters().ensureRunning(CLUSTER);

    assertTrue(ws.requests(CLUSTERS_START).isEmpty());
    assertEquals(3, ws.requests(CLUSTERS_GET).size());
  }

  @Test
  void errorStateFailsWithTheServersStateMessageAndCreatesNoContext() {
    start(new FakeWorkspace().then(CLUSTERS_GET,
        "{\"cluster_id\":\"" + CLUSTER + "\",\"state\":\"ERROR\",\"state_message\":\"Driver is unresponsive\"}"));

    ClusterUnavailableException e = assertThrows(ClusterUnavailableException.class,
        () -> exec.createContext(CLUSTER, Language.PYTHON));

    assertEquals(ClusterState.ERROR, e.state());
    assertEquals("Driver is unresponsive", e.stateMessage().orElseThrow());
    assertTrue(e.getMessage().contains("Driver is unresponsive"), e.getMessage());
    assertTrue(ws.requests(CONTEXT_CREATE).isEmpty());
  }

  @Test
  void unknownAndUnrecognisedStatesFailKeepingTheRawState() {
    start(new FakeWorkspace().then(CLUSTERS_GET, cluster("HIBERNATING")));

    ClusterUnavailableException e = assertThrows(ClusterUnavailableException.class,
        () -> exec.clusters().ensureRunning(CLUSTER));

    assertEquals(ClusterState.UNKNOWN, e.state());
    assertEquals("HIBERNATING", e.rawState());
  }

  @Test
  void startRefusedBecauseSomeoneElseStartedItIsFine() {
    start(new FakeWorkspace()
        .then(CLUSTERS_GET, cluster("TERMINATED"))
        .then(CLUSTERS_START, FakeWorkspace.error(400,
            "{\"error_code\":\"INVALID_STATE\",\"message\":\"Cluster is in unexpected state Pending.\"}"))
        .then(CLUSTERS_GET, cluster("PENDING"))
        .then(CLUSTERS_GET, cluster("RUNNING")));

    assertEquals(ClusterState.RUNNING, exec.clusters().ensureRunning(CLUSTER).state());
  }

  @Test
  void clusterThatTerminatesWhileStartingFails() {
    start(new FakeWorkspace()
        .then(CLUSTERS_GET, cluster("TERMINATED"))
        .then(CLUSTERS_START, "{}")
        .then(CLUSTERS_GET, cluster("PENDING"))
        .then(CLUSTERS_GET, "{\"cluster_id\":\"" + CLUSTER + "\",\"state\":\"TERMINATED\","
            + "\"state_message\":\"Cloud provider capacity\"}"));

    ClusterUnavailableException e = assertThrows(ClusterUnavailableException.class,
        () -> exec.clusters().ensureRunning(CLUSTER));

    assertTrue(e.getMessage().contains("Cloud provider capacity"), e.getMessage());
    assertEquals(1, ws.requests(CLUSTERS_START).size());
  }

  @Test
  void waitingIsBoundedByTheTimeoutOnTheClientsClock() {
    start(new FakeWorkspace().always(CLUSTERS_GET, cluster("PENDING")));

    assertThrows(OperationTimeoutException.class,
        () -> Futures.join(exec.clusters().ensureRunningAsync(CLUSTER, Duration.ofMinutes(2))));
  }
}
