package dev.kiln.sql;

import static dev.kiln.core.testing.Wire.expectGet;
import static dev.kiln.core.testing.Wire.expectJsonPost;
import static dev.kiln.core.testing.Wire.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.core.error.InvalidRequestException;
import dev.kiln.core.error.OperationTimeoutException;
import dev.kiln.core.spi.Futures;
import dev.kiln.core.testing.Wire;
import dev.kiln.sql.model.StatementRequest;
import dev.kiln.sql.model.Warehouse;
import dev.kiln.sql.model.WarehouseSpec;
import dev.kiln.sql.model.WarehouseState;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Warehouses on the wire, the WarehouseHandle's terminal states, and waiting for RUNNING before a statement. */
class WarehousesTest extends SqlTestBase {
  static String warehouse(String id, String state, String rest) {
    return "{'id':'" + id + "','state':'" + state + "'" + (rest.isEmpty() ? "" : "," + rest) + "}";
  }

  WarehousesClient warehouses() {
    return sql.warehouses();
  }

  @Test
  void listFollowsTokensAndGetIsTyped() {
    server.enqueue(ok("{'warehouses':[" + warehouse("a", "RUNNING", "'name':'A'") + "],'next_page_token':'t2'}"));
    server.enqueue(ok("{'warehouses':[" + warehouse("b", "STOPPED", "") + "]}"));
    server.enqueue(ok(warehouse("w 1", "STARTING", "'name':'BI','cluster_size':'Small','auto_stop_mins':10,"
        + "'min_num_clusters':1,'max_num_clusters':2,'num_clusters':0,'enable_serverless_compute':true,"
        + "'warehouse_type':'PRO','health':{'status':'HEALTHY','summary':'ok'},'odbc_params':{'port':443}")));

    List<String> ids = warehouses().list().stream().map(Warehouse::id).collect(Collectors.toList());
    Warehouse w = warehouses().get("w 1");

    assertEquals(List.of("a", "b"), ids);
    expectGet(server, "/api/2.0/sql/warehouses");
    expectGet(server, "/api/2.0/sql/warehouses?page_token=t2");
    expectGet(server, "/api/2.0/sql/warehouses/w%201");
    assertEquals(WarehouseState.STARTING, w.state());
    assertEquals("Small", w.clusterSize().orElseThrow());
    assertEquals(10, w.autoStopMins().getAsInt());
    assertEquals("HEALTHY", w.health().orElseThrow().status().orElseThrow());
  }

  @Test
  void startReturnsAHandleThatWaitsForRunning() {
    server.enqueue(ok("{}"));
    server.enqueue(ok(warehouse("w", "STARTING", "")));
    server.enqueue(ok(warehouse("w", "RUNNING", "")));

    WarehouseHandle handle = warehouses().start("w");
    Warehouse running = handle.await();

    expectJsonPost(server, "/api/2.0/sql/warehouses/w/start", "{}");
    expectGet(server, "/api/2.0/sql/warehouses/w");
    expectGet(server, "/api/2.0/sql/warehouses/w");
    assertEquals(WarehouseState.RUNNING, running.state());
    assertEquals(WarehouseState.RUNNING, handle.status());
  }

  @Test
  void theHandleFailsOnStoppedAndDeleted() {
    for (String end : List.of("STOPPED", "DELETING", "DELETED")) {
      server.enqueue(ok("{}"));
      server.enqueue(ok(warehouse("w", end, "'health':{'status':'FAILED','summary':'Cluster launch failed'}")));
      WarehouseHandle handle = warehouses().start("w");
      WarehouseUnavailableException e = assertThrows(WarehouseUnavailableException.class, handle::await, end);
      assertEquals(WarehouseState.fromWire(end), e.state());
      assertEquals("w", e.operationId());
      assertTrue(e.getMessage().contains("Cluster launch failed"), e.getMessage());
      Wire.take(server);
      Wire.take(server);
    }
  }

  @Test
  void stoppingKeepsTheHandleWaitingUntilTheTimeout() {
    db.close();
    db = dev.kiln.core.testing.TestClients.forUrl(server.url("/").toString(), sleeper);
    sql = SqlClient.create(db, SqlOptions.builder().warehouseReadyTimeout(Duration.ofSeconds(30)).build());
    for (int i = 0; i < 50; i++) {
      server.enqueue(ok(warehouse("w", i % 2 == 0 ? "STOPPING" : "NEW_STATE", "")));
    }

    assertThrows(OperationTimeoutException.class, () -> warehouses().handle("w").await());
  }

  @Test
  void stopCreateAndEdit() {
    server.enqueue(ok("{}"));
    server.enqueue(ok("{'id':'new'}"));
    server.enqueue(ok(warehouse("new", "RUNNING", "")));
    server.enqueue(ok("{}"));

    warehouses().stop("w");
    WarehouseSpec spec = WarehouseSpec.builder().name("BI").clusterSize("2X-Small").autoStopMins(10)
        .maxNumClusters(2).enableServerlessCompute(true).warehouseType("PRO").build();
    Warehouse created = warehouses().create(spec).await();
    warehouses().edit("new", spec.withClusterSize("Small"));

    expectJsonPost(server, "/api/2.0/sql/warehouses/w/stop", "{}");
    expectJsonPost(server, "/api/2.0/sql/warehouses", "{'name':'BI','cluster_size':'2X-Small','auto_stop_mins':10,"
        + "'max_num_clusters':2,'enable_serverless_compute':true,'warehouse_type':'PRO'}");
    expectGet(server, "/api/2.0/sql/warehouses/new");
    expectJsonPost(server, "/api/2.0/sql/warehouses/new/edit", "{'name':'BI','cluster_size':'Small','auto_stop_mins':10,"
        + "'max_num_clusters':2,'enable_serverless_compute':true,'warehouse_type':'PRO'}");
    assertEquals("new", created.id());
  }

  @Test
  void cancellingTheHandleStopsTheWarehouse() {
    sleeper.hold();
    server.enqueue(ok("{}"));
    server.enqueue(ok("{}"));
    WarehouseHandle handle = warehouses().start("w");
    Wire.take(server);

    handle.resultAsync().cancel(true);

    expectJsonPost(server, "/api/2.0/sql/warehouses/w/stop", "{}");
  }

  @Test
  void awaitWarehouseRunningStartsAStoppedWarehouseBeforeTheStatement() {
    db.close();
    db = dev.kiln.core.testing.TestClients.forUrl(server.url("/").toString(), sleeper);
    sql = SqlClient.create(db, SqlOptions.builder().awaitWarehouseRunning(true).build());
    server.enqueue(ok(warehouse("wh", "STOPPING", "")));
    server.enqueue(ok(warehouse("wh", "STOPPED", "")));
    server.enqueue(ok("{}"));
    server.enqueue(ok(warehouse("wh", "STARTING", "")));
    server.enqueue(ok(warehouse("wh", "RUNNING", "")));
    server.enqueue(ok(statement("s-1", "SUCCEEDED", "'manifest':{'format':'JSON_ARRAY','schema':{'column_count':0,'columns':[]}}")));

    sql.submit(StatementRequest.builder().warehouseId("wh").statement("SELECT 1").build());

    expectGet(server, "/api/2.0/sql/warehouses/wh");
    expectGet(server, "/api/2.0/sql/warehouses/wh");
    expectJsonPost(server, "/api/2.0/sql/warehouses/wh/start", "{}");
    expectGet(server, "/api/2.0/sql/warehouses/wh");
    expectGet(server, "/api/2.0/sql/warehouses/wh");
    expectJsonPost(server, "/api/2.0/sql/statements/", "{'statement':'SELECT 1','warehouse_id':'wh'}");
  }

  @Test
  void awaitWarehouseRunningFailsForADeletedWarehouseWithoutSubmitting() {
    db.close();
    db = dev.kiln.core.testing.TestClients.forUrl(server.url("/").toString(), sleeper);
    sql = SqlClient.create(db, SqlOptions.builder().awaitWarehouseRunning(true).build());
    server.enqueue(ok(warehouse("wh", "DELETED", "")));

    assertThrows(WarehouseUnavailableException.class,
        () -> sql.submit(StatementRequest.builder().warehouseId("wh").statement("SELECT 1").build()));
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void badInputFailsBeforeAnythingIsSent() throws Exception {
    List<Supplier<CompletableFuture<?>>> calls = List.of(
        () -> warehouses().getAsync(null),
        () -> warehouses().startAsync(" "),
        () -> warehouses().stopAsync(".."),
        () -> warehouses().createAsync(null),
        () -> warehouses().editAsync("w", null),
        () -> warehouses().ensureRunningAsync(""));
    for (Supplier<CompletableFuture<?>> call : calls) {
      ExecutionException e = assertThrows(ExecutionException.class, () -> call.get().get(5, TimeUnit.SECONDS));
      assertInstanceOf(InvalidRequestException.class, Futures.unwrap(e));
    }
    assertThrows(InvalidRequestException.class, () -> WarehouseSpec.builder().clusterSize("Small").build());
    assertThrows(InvalidRequestException.class, () -> WarehouseSpec.builder().name("x").clusterSize("Small").autoStopMins(5).build());
    assertThrows(InvalidRequestException.class,
        () -> WarehouseSpec.builder().name("x").clusterSize("Small").minNumClusters(3).maxNumClusters(2).build());
    assertEquals(0, server.getRequestCount());
  }
}
