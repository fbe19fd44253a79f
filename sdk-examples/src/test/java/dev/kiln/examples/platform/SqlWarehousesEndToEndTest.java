package dev.kiln.examples.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.core.DatabricksClient;
import dev.kiln.core.auth.Credentials;
import dev.kiln.core.error.NotFoundException;
import dev.kiln.core.testing.FakeSleeper;
import dev.kiln.core.testing.MutableClock;
import dev.kiln.emulator.LocalWorkspace;
import dev.kiln.sql.SqlClient;
import dev.kiln.sql.SqlOptions;
import dev.kiln.sql.StatementHandle;
import dev.kiln.sql.StatementResult;
import dev.kiln.sql.WarehousesClient;
import dev.kiln.sql.model.QueryHistoryFilter;
import dev.kiln.sql.model.QueryInfo;
import dev.kiln.sql.model.QueryStatus;
import dev.kiln.sql.model.QueryTag;
import dev.kiln.sql.model.StatementRequest;
import dev.kiln.sql.model.StatementState;
import dev.kiln.sql.model.Warehouse;
import dev.kiln.sql.model.WarehouseSpec;
import dev.kiln.sql.model.WarehouseState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * SqlClient's warehouses, awaitWarehouseRunning and query history against the emulator, on one clock that the
 * client's sleeper moves (each poll gap brings the warehouse closer to RUNNING; nothing waits for real).
 */
class SqlWarehousesEndToEndTest {
  static final Duration START = Duration.ofSeconds(20);
  final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
  LocalWorkspace ws;
  DatabricksClient db;
  WarehousesClient warehouses;

  @BeforeEach
  void start() {
    ws = LocalWorkspace.builder().clock(clock).warehouseStartTime(START).start();
    db = DatabricksClient.builder().host(ws.host()).credentials(Credentials.personalAccessToken(ws.token()))
        .clock(clock).sleeper(new FakeSleeper(clock)).build();
    warehouses = WarehousesClient.create(db);
  }

  @AfterEach
  void stop() {
    db.close();
    ws.close();
  }

  void stopDefault() {
    warehouses.stop(ws.defaultWarehouseId());
    clock.advance(START);
    assertEquals(WarehouseState.STOPPED, warehouses.get(ws.defaultWarehouseId()).state());
  }

  @Test
  void startAwaitsRunningAndCreateToo() {
    stopDefault();
    Warehouse running = warehouses.start(ws.defaultWarehouseId()).await();
    assertEquals(WarehouseState.RUNNING, running.state());

    Warehouse created = warehouses.create(WarehouseSpec.builder().name("BI").clusterSize("Small").autoStopMins(10).build()).await();
    assertEquals("BI", created.name().orElseThrow());
    List<String> ids = warehouses.list().stream().map(Warehouse::id).collect(Collectors.toList());
    assertTrue(ids.containsAll(List.of(ws.defaultWarehouseId(), created.id())), ids.toString());
    assertThrows(NotFoundException.class, () -> warehouses.get("nope"));
  }

  @Test
  void aStatementOnAStoppedWarehouseWaitsPendingThenRuns() {
    stopDefault();
    SqlClient sql = SqlClient.create(db);
    StatementHandle handle = sql.submit(StatementRequest.builder().warehouseId(ws.defaultWarehouseId())
        .statement("SELECT 7 AS seven").build());
    assertEquals(StatementState.PENDING, handle.status());
    try (StatementResult result = handle.await(Duration.ofSeconds(20))) {
      assertEquals(7, result.rows().iterator().next().getInt("seven"));
    }
  }

  @Test
  void awaitWarehouseRunningStartsItFirstAndHistoryShowsTheTaggedStatement() {
    stopDefault();
    SqlClient sql = SqlClient.create(db, SqlOptions.builder().awaitWarehouseRunning(true).build());
    StatementHandle handle = sql.submit(StatementRequest.builder().warehouseId(ws.defaultWarehouseId())
        .statement("SELECT 1 AS one").addQueryTags(QueryTag.of("job", "month-end")).build());
    try (StatementResult result = handle.await(Duration.ofSeconds(20))) {
      assertEquals(1, result.rows().iterator().next().getInt("one"));
    }
    assertEquals(WarehouseState.RUNNING, warehouses.get(ws.defaultWarehouseId()).state());

    List<QueryInfo> history = sql.queryHistory(QueryHistoryFilter.builder().addStatuses(QueryStatus.FINISHED)
        .addWarehouseIds(ws.defaultWarehouseId()).includeMetrics(true).maxResults(1).build())
        .stream().collect(Collectors.toList());
    assertEquals(1, history.size());
    QueryInfo q = history.get(0);
    assertEquals(handle.id(), q.queryId());
    assertEquals("SELECT 1 AS one", q.queryText().orElseThrow());
    assertEquals(List.of(QueryTag.of("job", "month-end")), q.queryTags());
    assertEquals(1, q.rowsProduced().getAsLong());
    assertTrue(q.metrics().isPresent());
  }
}
