package dev.kiln.examples.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.core.DatabricksClient;
import dev.kiln.core.auth.Credentials;
import dev.kiln.core.error.InvalidParameterValueException;
import dev.kiln.core.error.InvalidStateException;
import dev.kiln.core.testing.FakeSleeper;
import dev.kiln.core.testing.MutableClock;
import dev.kiln.emulator.LocalWorkspace;
import dev.kiln.execution.ClusterHandle;
import dev.kiln.execution.ClusterUnavailableException;
import dev.kiln.execution.ClustersClient;
import dev.kiln.execution.model.AutoScale;
import dev.kiln.execution.model.ClusterEvent;
import dev.kiln.execution.model.ClusterEventType;
import dev.kiln.execution.model.ClusterEventsQuery;
import dev.kiln.execution.model.ClusterInfo;
import dev.kiln.execution.model.ClusterListFilter;
import dev.kiln.execution.model.ClusterSpec;
import dev.kiln.execution.model.ClusterState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Kiln's ClustersClient against the emulator. The workspace and the client share one clock, and the client's
 * sleeper moves it: each poll gap advances the emulated cluster's start, so nothing waits for real.
 */
class ClustersEndToEndTest {
  final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T09:00:00Z"));
  LocalWorkspace ws;
  DatabricksClient db;
  ClustersClient clusters;

  @BeforeEach
  void start() {
    ws = LocalWorkspace.builder().clock(clock).clusterStartTime(Duration.ofMinutes(3)).start();
    FakeSleeper sleeper = new FakeSleeper(clock);
    db = DatabricksClient.builder().host(ws.host()).credentials(Credentials.personalAccessToken(ws.token()))
        .clock(clock).sleeper(sleeper).build();
    clusters = ClustersClient.create(db);
  }

  @AfterEach
  void stop() {
    db.close();
    ws.close();
  }

  static ClusterSpec spec(String name) {
    return ClusterSpec.builder().clusterName(name).sparkVersion("15.4.x-scala2.12").nodeTypeId("i3.xlarge")
        .autoscale(AutoScale.of(1, 3)).autoterminationMinutes(30).putCustomTags("team", "tax").build();
  }

  @Test
  void createWaitsThroughPendingEditResizeRestartTerminateAndDelete() {
    ClusterHandle created = clusters.create(spec("month-end"));
    ClusterInfo running = created.await();
    assertEquals(ClusterState.RUNNING, running.state());
    assertEquals("tax", running.customTags().get("team"));
    String id = created.id();

    clusters.edit(id, spec("month-end-v2").withAutoscale(AutoScale.of(2, 4)));
    ClusterInfo edited = clusters.handle(id).await();
    assertEquals("month-end-v2", edited.clusterName().orElseThrow());

    assertEquals(5, clusters.resize(id, 5).await().numWorkers().getAsInt());
    assertEquals(ClusterState.RUNNING, clusters.restart(id).await().state());

    clusters.delete(id);
    assertEquals(ClusterState.TERMINATING, clusters.getCluster(id).state());
    clock.advance(Duration.ofMinutes(3));
    assertEquals(ClusterState.TERMINATED, clusters.getCluster(id).state());
    assertThrows(InvalidStateException.class, () -> clusters.restart(id));
    assertEquals(ClusterState.RUNNING, clusters.start(id).await().state());

    List<ClusterEventType> kinds = clusters.events(id, ClusterEventsQuery.builder().order(ClusterEventsQuery.SortOrder.ASC)
        .pageSize(2).build()).stream().map(ClusterEvent::type).collect(Collectors.toList());
    assertEquals(ClusterEventType.CREATING, kinds.get(0));
    assertTrue(kinds.containsAll(List.of(ClusterEventType.EDITED, ClusterEventType.RESIZING,
        ClusterEventType.UPSIZE_COMPLETED, ClusterEventType.RESTARTING, ClusterEventType.TERMINATING)), kinds.toString());

    clusters.permanentDelete(id);
    assertFalse(clusters.list().stream().anyMatch(c -> c.clusterId().equals(id)));
    assertThrows(InvalidParameterValueException.class, () -> clusters.getCluster(id));
  }

  @Test
  void aBrokenClusterFailsTheHandleWithItsMessage() {
    ws.addBrokenCluster("0301-000000-broken01", "broken", "Init script failure: exit code 1");
    ClusterUnavailableException e = assertThrows(ClusterUnavailableException.class,
        () -> clusters.handle("0301-000000-broken01").await());
    assertEquals(ClusterState.ERROR, e.state());
    assertTrue(e.getMessage().contains("Init script failure"), e.getMessage());
  }

  @Test
  void listFiltersAndCatalogs() {
    ws.addCluster("0301-000000-stopped1", "stopped", dev.kiln.emulator.ClusterState.TERMINATED);
    List<String> terminated = clusters.list(ClusterListFilter.builder().addClusterStates(ClusterState.TERMINATED).pageSize(1).build())
        .stream().map(ClusterInfo::clusterId).collect(Collectors.toList());
    assertEquals(List.of("0301-000000-stopped1"), terminated);
    assertTrue(clusters.sparkVersions().stream().anyMatch(v -> v.key().equals("15.4.x-scala2.12")));
    assertTrue(clusters.listNodeTypes().stream().anyMatch(n -> n.nodeTypeId().equals("i3.xlarge")));
  }
}
