package dev.kiln.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.core.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class LifecycleTest {
  @Test
  void closeStopsEveryThreadTheWorkspaceStarted() {
    try (LocalWorkspace ws = LocalWorkspace.start()) {
      Wire wire = new Wire(ws);
      wire.execute(Wire.statement(ws, "SELECT 1").put("wait_timeout", "0s"));
      wire.execute(Wire.statement(ws, SqlStatementsTest.SLOW_SQL).put("wait_timeout", "0s"));
      ws.client();
      assertFalse(workspaceThreads().isEmpty());
    }
    assertEquals(List.of(), workspaceThreads(), "close() returns once its threads have ended");
  }

  private static List<String> workspaceThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(Thread::isAlive)
        .map(Thread::getName)
        .filter(name -> name.startsWith("kiln-workspace"))
        .collect(Collectors.toList());
  }

  @Test
  void hostTokenAndToString() {
    try (LocalWorkspace ws = LocalWorkspace.start()) {
      assertTrue(ws.host().matches("http://127\\.0\\.0\\.1:\\d+"), ws.host());
      assertTrue(ws.token().matches("dapi[0-9a-f]{32}"));
      assertFalse(ws.toString().contains(ws.token()));
    }
  }

  @Test
  void theBuilderChecksEverySetting() {
    LocalWorkspace.Builder b = LocalWorkspace.builder();
    assertRejected("chunkRowCount must be at least 1, got 0", () -> b.chunkRowCount(0));
    assertRejected("serverThreads must be at least 1, got 0", () -> b.serverThreads(0));
    assertRejected("sqlConcurrency must be at least 1, got 0", () -> b.sqlConcurrency(0));
    assertRejected("contextsPerCluster must be at least 1, got 0", () -> b.contextsPerCluster(0));
    assertRejected("vectorSearchPageSize must be at least 1, got 0", () -> b.vectorSearchPageSize(0));
    assertRejected("externalLinkTtl must be positive, got PT0S", () -> b.externalLinkTtl(Duration.ZERO));
    assertRejected("resultRetention must be positive, got PT0S", () -> b.resultRetention(Duration.ZERO));
    assertRejected("commandTimeout must be positive, got PT0S", () -> b.commandTimeout(Duration.ZERO));
    assertRejected("clusterStartTime must not be negative, got PT-1S",
        () -> b.clusterStartTime(Duration.ofSeconds(-1)));
    assertRejected("servingEndpointStartTime must not be negative, got PT-1S",
        () -> b.servingEndpointStartTime(Duration.ofSeconds(-1)));
    assertRejected("genieStepDelay must not be negative", () -> b.genieStepDelay(Duration.ofSeconds(-1)));
    assertRejected("token must not be blank", () -> b.token(" "));
    assertThrows(NullPointerException.class, () -> b.clock(null));
    assertThrows(NullPointerException.class, () -> b.pythonExecutable(null));
  }

  private static void assertRejected(String message, Runnable setting) {
    assertEquals(message, assertThrows(IllegalArgumentException.class, setting::run).getMessage());
  }

  @Test
  void aWorkspaceKeepsTheSettingsItStartedWith() {
    LocalWorkspace.Builder builder = LocalWorkspace.builder().token("dapi-first");
    try (LocalWorkspace first = builder.start()) {
      builder.token("dapi-second");
      assertEquals("dapi-first", first.token());
      LocalWorkspace.Builder noToken = LocalWorkspace.builder();
      try (LocalWorkspace second = builder.start();
          LocalWorkspace random = noToken.start();
          LocalWorkspace otherRandom = noToken.start()) {
        assertEquals("dapi-second", second.token());
        assertFalse(random.token().equals(otherRandom.token()));
      }
      Wire wire = new Wire(first);
      assertEquals(200, wire.get("/api/2.0/sql/warehouses").status);
    }
  }

  @Test
  void closedWorkspacesRefuseClients() {
    LocalWorkspace ws = LocalWorkspace.start();
    ws.close();
    ws.close(); // idempotent
    assertThrows(IllegalStateException.class, ws::client);
  }

  @Test
  void resultsAreClosedAfterTheRetentionTime() {
    MutableClock clock = new MutableClock(Instant.parse("2026-01-31T10:00:00Z"));
    try (LocalWorkspace ws = LocalWorkspace.builder().clock(clock).resultRetention(Duration.ofMinutes(60)).start()) {
      Wire wire = new Wire(ws);
      String id = wire.execute(Wire.statement(ws, "SELECT 1")).path("statement_id").asText();

      clock.advance(Duration.ofMinutes(61));

      JsonNode closed = wire.statement(id);
      assertEquals("CLOSED", closed.at("/status/state").asText());
      assertFalse(closed.has("result"));
      assertEquals(404, wire.get("/api/2.0/sql/statements/" + id + "/result/chunks/0").status);
    }
  }

  @Test
  void seedingFailuresSayWhatWentWrong() {
    try (LocalWorkspace ws = LocalWorkspace.start()) {
      IllegalArgumentException error =
          assertThrows(IllegalArgumentException.class, () -> ws.sql().execute("SELECT * FROM missing"));
      assertTrue(error.getMessage().contains("TABLE_OR_VIEW_NOT_FOUND"), error.getMessage());
      assertThrows(IllegalArgumentException.class,
          () -> ws.addGenieSpace(GenieSpaceSpec.builder().title("x").warehouseId("nope").build()));
    }
  }
}
