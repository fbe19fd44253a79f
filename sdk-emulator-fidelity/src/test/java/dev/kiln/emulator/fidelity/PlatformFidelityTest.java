package dev.kiln.emulator.fidelity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.service.compute.AutoScale;
import com.databricks.sdk.service.compute.ClusterDetails;
import com.databricks.sdk.service.compute.ClusterEvent;
import com.databricks.sdk.service.compute.CreateCluster;
import com.databricks.sdk.service.compute.EventType;
import com.databricks.sdk.service.compute.GetEvents;
import com.databricks.sdk.service.compute.ResizeCluster;
import com.databricks.sdk.service.compute.State;
import com.databricks.sdk.service.sql.EndpointInfo;
import com.databricks.sdk.service.sql.ExecuteStatementRequest;
import com.databricks.sdk.service.sql.GetWarehouseResponse;
import com.databricks.sdk.service.sql.ListQueriesResponse;
import com.databricks.sdk.service.sql.ListQueryHistoryRequest;
import com.databricks.sdk.service.sql.ListWarehousesRequest;
import com.databricks.sdk.service.sql.QueryFilter;
import com.databricks.sdk.service.sql.QueryInfo;
import com.databricks.sdk.service.sql.QueryStatus;
import com.databricks.sdk.service.sql.StartRequest;
import com.databricks.sdk.service.sql.StopRequest;
import dev.kiln.emulator.LocalWorkspace;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Clusters API beyond readiness, SQL warehouses and query history, through the official SDK's own waiters. */
class PlatformFidelityTest {
  private static final Duration WAIT = Duration.ofSeconds(20);

  static LocalWorkspace ws;
  static WorkspaceClient w;

  @BeforeAll
  static void start() {
    ws = LocalWorkspace.builder().clusterStartTime(Duration.ofMillis(50)).warehouseStartTime(Duration.ofMillis(50)).start();
    w = OfficialSdk.client(ws);
  }

  @AfterAll
  static void stop() {
    ws.close();
  }

  @Test
  void createResizeEventsAndPermanentDelete() throws Exception {
    ClusterDetails running = w.clusters().create(new CreateCluster().setClusterName("fidelity")
        .setSparkVersion("15.4.x-scala2.12").setNodeTypeId("i3.xlarge")
        .setAutoscale(new AutoScale().setMinWorkers(1L).setMaxWorkers(2L)).setAutoterminationMinutes(30L)).get(WAIT);
    assertEquals(State.RUNNING, running.getState());
    assertEquals(2L, running.getAutoscale().getMaxWorkers());
    String id = running.getClusterId();

    ClusterDetails resized = w.clusters().resize(new ResizeCluster().setClusterId(id).setNumWorkers(3L)).get(WAIT);
    assertEquals(3L, resized.getNumWorkers());

    List<EventType> types = new ArrayList<>();
    for (ClusterEvent e : w.clusters().events(new GetEvents().setClusterId(id).setLimit(1L))) {
      types.add(e.getType());
    }
    assertEquals(List.of(EventType.UPSIZE_COMPLETED, EventType.RESIZING, EventType.RUNNING, EventType.CREATING), types,
        "the SDK pages through next_page one event at a time");

    assertFalse(w.clusters().sparkVersions().getVersions().isEmpty());
    assertFalse(w.clusters().listNodeTypes().getNodeTypes().isEmpty());
    w.clusters().permanentDelete(id);
    List<String> ids = new ArrayList<>();
    w.clusters().list(new com.databricks.sdk.service.compute.ListClustersRequest()).forEach(c -> ids.add(c.getClusterId()));
    assertFalse(ids.contains(id));
  }

  @Test
  void warehousesStopAndStartThroughTheWaiters() throws Exception {
    String id = ws.defaultWarehouseId();
    List<String> listed = new ArrayList<>();
    for (EndpointInfo e : w.warehouses().list(new ListWarehousesRequest())) {
      listed.add(e.getId());
    }
    assertTrue(listed.contains(id), listed.toString());

    GetWarehouseResponse stopped = w.warehouses().stop(new StopRequest().setId(id)).get(WAIT);
    assertEquals(com.databricks.sdk.service.sql.State.STOPPED, stopped.getState());
    GetWarehouseResponse running = w.warehouses().start(new StartRequest().setId(id)).get(WAIT);
    assertEquals(com.databricks.sdk.service.sql.State.RUNNING, running.getState());
  }

  @Test
  void queryHistoryShowsTheStatementsRun() {
    String statementId = w.statementExecution().executeStatement(new ExecuteStatementRequest()
        .setWarehouseId(ws.defaultWarehouseId()).setStatement("SELECT 11 AS eleven").setWaitTimeout("30s")).getStatementId();

    ListQueriesResponse history = w.queryHistory().list(new ListQueryHistoryRequest()
        .setFilterBy(new QueryFilter().setStatuses(List.of(QueryStatus.FINISHED)).setStatementIds(List.of(statementId)))
        .setIncludeMetrics(true));

    assertEquals(1, history.getRes().size());
    QueryInfo q = history.getRes().iterator().next();
    assertEquals(statementId, q.getQueryId());
    assertEquals(QueryStatus.FINISHED, q.getStatus());
    assertEquals("SELECT 11 AS eleven", q.getQueryText());
    assertEquals(1L, q.getRowsProduced());
    assertTrue(q.getMetrics().getTotalTimeMs() >= 0);
  }
}
