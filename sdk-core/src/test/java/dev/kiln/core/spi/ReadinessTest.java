package dev.kiln.core.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.core.DatabricksClient;
import dev.kiln.core.error.InvalidStateException;
import dev.kiln.core.error.OperationTimeoutException;
import dev.kiln.core.testing.FakeSleeper;
import dev.kiln.core.testing.TestClients;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The read → start/wait/fail loop on scripted states (no HTTP: reads and starts are fakes). */
class ReadinessTest {
  final FakeSleeper sleeper = new FakeSleeper();
  final DatabricksClient db = TestClients.forUrl("http://127.0.0.1:9", sleeper);
  final List<String> calls = new CopyOnWriteArrayList<>();

  @AfterEach
  void close() {
    db.close();
  }

  /** UP is ready, DOWN starts (or fails once a start was sent), BOOTING/STOPPING wait, BROKEN fails. */
  private static Readiness.Step decide(String state, boolean startSent) {
    switch (state) {
      case "UP":
        return Readiness.Step.ready();
      case "DOWN":
        return startSent ? Readiness.Step.fail(new IllegalStateException("down again")) : Readiness.Step.start();
      case "BOOTING":
      case "STOPPING":
        return Readiness.Step.waitWhile(state);
      default:
        return Readiness.Step.fail(new IllegalStateException("broken"));
    }
  }

  private Readiness<String> readiness(CompletableFuture<Void> startAnswer, String... states) {
    AtomicInteger reads = new AtomicInteger();
    return new Readiness<>(db, () -> {
      String s = states[Math.min(reads.getAndIncrement(), states.length - 1)];
      calls.add("read " + s);
      return CompletableFuture.completedFuture(s);
    }, () -> {
      calls.add("start");
      return startAnswer;
    }, ReadinessTest::decide, s -> s, Duration.ofSeconds(1), Duration.ofSeconds(10), 1.5, "thing t-1");
  }

  @Test
  void readyAtOnceSendsNothingElse() {
    assertEquals("UP", readiness(CompletableFuture.completedFuture(null), "UP").await(Duration.ofMinutes(1)).join());
    assertEquals(List.of("read UP"), calls);
  }

  @Test
  void stoppingIsWaitedOutThenStartedOnceThenBootingWaitedOut() {
    String result = readiness(CompletableFuture.completedFuture(null), "STOPPING", "STOPPING", "DOWN", "BOOTING",
        "BOOTING", "UP").await(Duration.ofMinutes(1)).join();

    assertEquals("UP", result);
    assertEquals(List.of("read STOPPING", "read STOPPING", "read DOWN", "start", "read BOOTING", "read BOOTING", "read UP"),
        calls);
    assertEquals(Duration.ofSeconds(1), sleeper.sleeps().get(0));
  }

  @Test
  void aStartAnsweredInvalidStateMeansSomeoneElseStartedIt() {
    CompletableFuture<Void> invalid = CompletableFuture.failedFuture(
        new InvalidStateException(dev.kiln.core.internal.ErrorAccess.info(400, "INVALID_STATE", "already starting", null, null)));
    assertEquals("UP", readiness(invalid, "DOWN", "BOOTING", "UP").await(Duration.ofMinutes(1)).join());
  }

  @Test
  void downAgainAfterTheStartFails() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> Futures.join(readiness(CompletableFuture.completedFuture(null), "DOWN", "DOWN").await(Duration.ofMinutes(1))));
    assertEquals("down again", e.getMessage());
    assertEquals(List.of("read DOWN", "start", "read DOWN"), calls);
  }

  @Test
  void aWaitThatOutlastsTheTimeoutTimesOut() {
    OperationTimeoutException e = assertThrows(OperationTimeoutException.class,
        () -> Futures.join(readiness(CompletableFuture.completedFuture(null), "BOOTING").await(Duration.ofSeconds(30))));
    assertTrue(e.getMessage().contains("thing t-1"), e.getMessage());
  }
}
