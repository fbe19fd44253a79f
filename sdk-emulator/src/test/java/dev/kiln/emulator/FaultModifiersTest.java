package dev.kiln.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.core.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Retry-After as an HTTP-date, faults injected at random with a seed and a rate, raw-path routing. */
class FaultModifiersTest {
  private static final String WAREHOUSES = "/api/2.0/sql/warehouses";

  @Test
  void retryAfterCanBeAnHttpDateOnTheWorkspaceClock() {
    MutableClock clock = new MutableClock(Instant.parse("2026-03-05T08:09:10Z"));
    try (LocalWorkspace ws = LocalWorkspace.builder().clock(clock).start()) {
      ws.faults().inject(Fault.unavailable(Duration.ofSeconds(30)).retryAfterAsHttpDate().on("GET", WAREHOUSES).times(1));
      Wire.Reply reply = new Wire(ws).get(WAREHOUSES);
      assertEquals(503, reply.status);
      assertEquals("Thu, 05 Mar 2026 08:09:40 GMT", reply.headers.firstValue("Retry-After").orElse(""));
      assertEquals(200, new Wire(ws).get(WAREHOUSES).status);
    }
    assertThrows(IllegalArgumentException.class, () -> Fault.internalError().retryAfterAsHttpDate());
  }

  private static List<Integer> statuses(long seed) {
    try (LocalWorkspace ws = LocalWorkspace.start()) {
      InjectedFault fault = ws.faults().inject(Fault.internalError().on("GET", WAREHOUSES).randomly(0.3, seed));
      Wire wire = new Wire(ws);
      List<Integer> statuses = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        statuses.add(wire.get(WAREHOUSES).status);
      }
      assertEquals(statuses.stream().filter(s -> s == 500).count(), fault.hits());
      return statuses;
    }
  }

  @Test
  void randomFaultsFollowTheirSeedAndRate() {
    List<Integer> first = statuses(42);
    assertEquals(first, statuses(42), "the same seed gives the same faults");
    long failures = first.stream().filter(s -> s == 500).count();
    assertTrue(failures > 3 && failures < 25, "about 30% of 40: " + failures);
    assertTrue(first.stream().allMatch(s -> s == 200 || s == 500), first.toString());
    assertThrows(IllegalArgumentException.class, () -> Fault.internalError().randomly(0, 1));
    assertThrows(IllegalArgumentException.class, () -> Fault.internalError().randomly(1.5, 1));
  }

  @Test
  void anEncodedSlashInAnIdIsOneSegmentOnTheWire() {
    try (LocalWorkspace ws = LocalWorkspace.start()) {
      Wire.Reply reply = new Wire(ws).get("/api/2.0/sql/statements/a%2Fb");
      assertEquals(404, reply.status);
      assertEquals("RESOURCE_DOES_NOT_EXIST", reply.json().path("error_code").asText(), reply.body);
      assertEquals("Statement a/b does not exist.", reply.json().path("message").asText());
    }
  }

  @Test
  void aRandomFaultUsesItsTimesOnlyWhenItFires() {
    try (LocalWorkspace ws = LocalWorkspace.start()) {
      InjectedFault fault =
          ws.faults().inject(Fault.internalError().on("GET", WAREHOUSES).randomly(0.5, 7).times(2));
      Wire wire = new Wire(ws);
      int failures = 0;
      for (int i = 0; i < 30; i++) {
        failures += wire.get(WAREHOUSES).status == 500 ? 1 : 0;
      }
      assertEquals(2, failures);
      assertEquals(2, fault.hits());
    }
  }
}
