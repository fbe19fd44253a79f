package dev.kiln.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The workspace's test-facing waits: bounded, clear on timeout, strict about ids and timeouts. */
class WaitsTest {
  static LocalWorkspace ws;
  static Wire wire;

  @BeforeAll
  static void start() {
    ws = LocalWorkspace.start();
    wire = new Wire(ws);
  }

  @AfterAll
  static void stop() {
    ws.close();
  }

  @Test
  void aFinishedStatementIsAwaitedAtOnceAndARunningOneTimesOutNamingItsState() {
    String done = wire.execute(Wire.statement(ws, "SELECT 1")).path("statement_id").asText();
    assertEquals("SUCCEEDED", ws.awaitStatement(done, Duration.ZERO));

    String slow = wire.execute(Wire.statement(ws, SqlStatementsTest.SLOW_SQL).put("wait_timeout", "0s"))
        .path("statement_id").asText();
    IllegalStateException timedOut =
        assertThrows(IllegalStateException.class, () -> ws.awaitStatement(slow, Duration.ZERO));
    assertTrue(timedOut.getMessage().matches("statement " + slow + " is still (PENDING|RUNNING) after PT0S"),
        timedOut.getMessage());

    wire.post("/api/2.0/sql/statements/" + slow + "/cancel", Wire.object());
    assertEquals("CANCELED", ws.awaitStatement(slow, Wire.WAIT), "the cancel wakes the waiter");
  }

  @Test
  void unknownIdsAndBadTimeoutsAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> ws.awaitStatement("nope", Wire.WAIT));
    assertThrows(IllegalArgumentException.class, () -> ws.awaitCommand("nope", Wire.WAIT));
    assertThrows(IllegalArgumentException.class, () -> ws.awaitCommandStarted("nope", Wire.WAIT));
    assertThrows(IllegalArgumentException.class, () -> ws.awaitContext("nope", Wire.WAIT));
    assertThrows(IllegalArgumentException.class, () -> ws.awaitGenieMessage("nope", Wire.WAIT));
    assertThrows(IllegalArgumentException.class, () -> ws.awaitGenieMessageChange("nope", "SUBMITTED", Wire.WAIT));

    String id = wire.execute(Wire.statement(ws, "SELECT 1")).path("statement_id").asText();
    IllegalArgumentException negative =
        assertThrows(IllegalArgumentException.class, () -> ws.awaitStatement(id, Duration.ofSeconds(-1)));
    assertEquals("timeout must not be negative, got PT-1S", negative.getMessage());
    assertEquals("timeout", assertThrows(NullPointerException.class, () -> ws.awaitStatement(id, null)).getMessage());
    assertEquals("statementId",
        assertThrows(NullPointerException.class, () -> ws.awaitStatement(null, Wire.WAIT)).getMessage());
  }
}
