package dev.kiln.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.UncheckedIOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Faults on demand, observed by a plain HTTP client. */
class FaultsTest {
  static LocalWorkspace ws;
  static Wire wire;

  @BeforeAll
  static void start() {
    ws = LocalWorkspace.start();
    wire = new Wire(ws);
  }

  @AfterEach
  void clearFaults() {
    ws.faults().clear();
  }

  @AfterAll
  static void stop() {
    ws.close();
  }

  @Test
  void tooManyRequestsWithRetryAfterForTheNextNRequestsOfARoute() {
    InjectedFault fault =
        ws.faults().inject(Fault.tooManyRequests(Duration.ofMillis(1500)).on("POST", "/api/2.0/sql/statements").times(2));

    for (int i = 0; i < 2; i++) {
      Wire.Reply limited = wire.post("/api/2.0/sql/statements/", Wire.statement(ws, "SELECT 1"));
      assertEquals(429, limited.status);
      assertEquals("2", limited.headers.firstValue("Retry-After").orElse(""));
      assertEquals("REQUEST_LIMIT_EXCEEDED", limited.json().path("error_code").asText());
    }
    assertEquals(200, wire.get("/api/2.0/sql/warehouses").status, "other routes are untouched");
    JsonNode passed = wire.execute(Wire.statement(ws, "SELECT 1"));

    assertEquals("SUCCEEDED", passed.at("/status/state").asText());
    assertEquals(2, fault.hits());
    assertFalse(fault.isActive());
  }

  @Test
  void unavailableAndInternalErrorsMatchByRegexAndMethod() {
    ws.faults().inject(Fault.unavailable(Duration.ZERO).onPathMatching("GET", "/api/2\\.0/sql/warehouses/[^/]+").times(1));
    ws.faults().inject(Fault.internalError().on("*", "/api/2.0/sql/queries").times(1));

    Wire.Reply unavailable = wire.get("/api/2.0/sql/warehouses/" + ws.defaultWarehouseId());
    assertEquals(503, unavailable.status);
    assertEquals("0", unavailable.headers.firstValue("Retry-After").orElse(""));
    assertEquals("TEMPORARILY_UNAVAILABLE", unavailable.json().path("error_code").asText());
    assertEquals(200, wire.get("/api/2.0/sql/warehouses").status, "the regex matches the whole path");
    assertEquals(500, wire.get("/api/2.0/sql/queries").status);
    assertEquals(200, wire.get("/api/2.0/sql/queries").status);
  }

  @Test
  void latencyDelaysTheReplyForReal() {
    InjectedFault latency = ws.faults().inject(Fault.latency(Duration.ofMillis(60)).on("GET", "/api/2.0/sql/warehouses"));

    long start = System.nanoTime();
    assertEquals(200, wire.get("/api/2.0/sql/warehouses").status);
    long elapsedMillis = (System.nanoTime() - start) / 1_000_000;

    assertTrue(elapsedMillis >= 60, "took " + elapsedMillis + " ms");
    latency.remove();
    assertFalse(latency.isActive());
  }

  @Test
  void resetMidBodyDropsTheConnectionHalfwayThrough() {
    ws.faults().inject(Fault.resetMidBody().on("GET", "/api/2.0/sql/warehouses").times(1));

    assertThrows(UncheckedIOException.class, () -> wire.get("/api/2.0/sql/warehouses"));
    assertEquals(200, wire.get("/api/2.0/sql/warehouses").status);
  }

  @Test
  void slowBodiesArriveWhole() {
    JsonNode response = wire.execute(Wire.statement(ws, "SELECT id, 'padding padding padding' AS p FROM range(100)"));
    String id = response.path("statement_id").asText();
    ws.faults().inject(Fault.slowBody(Duration.ofMillis(1)).on("GET", "/api/2.0/sql/statements/" + id));

    long start = System.nanoTime();
    JsonNode slow = wire.statement(id);

    assertEquals(response.at("/result/data_array"), slow.at("/result/data_array"));
    assertTrue(System.nanoTime() - start >= Duration.ofMillis(5).toNanos());
  }
}
