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
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PollerTest {
  final FakeSleeper sleeper = new FakeSleeper();
  final DatabricksClient db = TestClients.forUrl("http://127.0.0.1:9", sleeper); // never called: polls are fakes

  @AfterEach
  void close() {
    db.close();
  }

  /** Answers each poll with the next state of a script. */
  private static java.util.function.Supplier<CompletableFuture<String>> script(AtomicInteger polls, String... states) {
    return () -> CompletableFuture.completedFuture(states[Math.min(polls.getAndIncrement(), states.length - 1)]);
  }

  private Poller.Builder<String, String> builder(java.util.function.Supplier<CompletableFuture<String>> poll) {
    return Poller.<String, String>builder(db)
        .poll(poll)
        .isTerminal(s -> s.equals("DONE") || s.equals("FAILED"))
        .result(s -> {
          if (s.equals("FAILED")) {
            throw new IllegalStateException("failed");
          }
          return "result";
        })
        .initialDelay(Duration.ofMillis(100))
        .multiplier(2)
        .maxDelay(Duration.ofMillis(500));
  }

  @Test
  void backsOffUpToTheCap() {
    AtomicInteger polls = new AtomicInteger();
    Poller<String, String> op = builder(script(polls, "PENDING", "RUNNING", "RUNNING", "RUNNING", "RUNNING", "DONE")).start();
    assertEquals("result", op.await(Duration.ofSeconds(5)));
    assertEquals(6, polls.get());
    assertEquals(List.of(100L, 200L, 400L, 500L, 500L, 500L),
        sleeper.sleeps().stream().map(Duration::toMillis).collect(Collectors.toList()));
  }

  @Test
  void aThrowingIsTerminalFailsTheWaitInsteadOfEndingItSilently() {
    AtomicInteger polls = new AtomicInteger();
    Poller<String, String> op = builder(script(polls, "RUNNING", "ODD"))
        .isTerminal(s -> {
          if (s.equals("ODD")) {
            throw new IllegalArgumentException("cannot read ODD");
          }
          return false;
        })
        .start();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> op.await(Duration.ofSeconds(5)));
    assertEquals("cannot read ODD", e.getMessage());
  }

  @Test
  void aTerminalInitialStateNeedsNoPoll() {
    AtomicInteger polls = new AtomicInteger();
    Poller<String, String> op = builder(script(polls, "DONE")).start("DONE");
    assertTrue(op.isDone());
    assertEquals("result", op.await());
    assertEquals(0, polls.get());
    assertTrue(sleeper.sleeps().isEmpty());
  }

  @Test
  void aFailedTerminalStateRaisesWhatTheResultFunctionThrows() {
    AtomicInteger polls = new AtomicInteger();
    Poller<String, String> op = builder(script(polls, "RUNNING", "FAILED")).start();
    IllegalStateException e = assertThrows(IllegalStateException.class, op::await);
    assertEquals("failed", e.getMessage());
  }

  @Test
  void aFailingPollEndsTheOperationWithThatError() {
    Poller<String, String> op = builder(() -> CompletableFuture.failedFuture(
        new InvalidStateException(dev.kiln.core.internal.ErrorAccess.info(400, "INVALID_STATE", "gone", null, null)))).start();
    assertThrows(InvalidStateException.class, op::await);
  }

  @Test
  void deadlineEndsPollingAndCancelsWhenAsked() {
    AtomicInteger cancels = new AtomicInteger();
    AtomicInteger polls = new AtomicInteger();
    Poller<String, String> op = builder(script(polls, "RUNNING"))
        .initialDelay(Duration.ofMillis(300))
        .maxDelay(Duration.ofSeconds(10))
        .timeout(Duration.ofSeconds(1))
        .cancelOnTimeout(true)
        .cancel(() -> {
          cancels.incrementAndGet();
          return CompletableFuture.completedFuture(null);
        })
        .description("statement s-1")
        .start();
    OperationTimeoutException e = assertThrows(OperationTimeoutException.class, op::await);
    assertTrue(e.getMessage().contains("statement s-1"));
    // 300 + 600 ms, then only the 100 ms left before the deadline.
    assertEquals(List.of(300L, 600L, 100L), sleeper.sleeps().stream().map(Duration::toMillis).collect(Collectors.toList()));
    assertEquals(1, cancels.get());
  }

  @Test
  void cancellingTheFutureStopsPollingAndCancelsRemotely() {
    ConcurrentLinkedQueue<CompletableFuture<String>> pending = new ConcurrentLinkedQueue<>();
    AtomicInteger cancels = new AtomicInteger();
    Poller<String, String> op = builder(() -> {
      CompletableFuture<String> f = new CompletableFuture<>();
      pending.add(f);
      return f;
    }).cancel(() -> {
      cancels.incrementAndGet();
      return CompletableFuture.completedFuture(null);
    }).start();
    pending.poll().complete("RUNNING");
    CompletableFuture<String> inFlight = pending.peek();
    assertTrue(op.resultAsync().cancel(true));
    assertEquals(1, cancels.get());
    assertTrue(inFlight.isCancelled(), "the in-flight poll is abandoned");
    assertThrows(CancellationException.class, op::await);
    int sleeps = sleeper.sleeps().size();
    inFlight.complete("RUNNING");
    assertEquals(sleeps, sleeper.sleeps().size(), "no poll is scheduled after cancellation");
  }

  @Test
  void cancelAsksTheServerAndKeepsPollingToTheTerminalState() {
    AtomicInteger polls = new AtomicInteger();
    AtomicInteger cancels = new AtomicInteger();
    List<String> seen = Collections.synchronizedList(new ArrayList<>());
    CompletableFuture<String> gate = new CompletableFuture<>();
    Poller<String, String> op = builder(() -> polls.getAndIncrement() == 0 ? gate : CompletableFuture.completedFuture("DONE"))
        .cancel(() -> {
          cancels.incrementAndGet();
          return CompletableFuture.completedFuture(null);
        })
        .listener(seen::add)
        .start("PENDING");
    op.cancel();
    assertEquals(1, cancels.get());
    assertTrue(!op.isDone());
    gate.complete("CANCELING");
    assertEquals("result", op.await());
    assertEquals(List.of("PENDING", "CANCELING", "DONE"), seen);
  }

  @Test
  void listenersSeeEachStatusOnceInOrder() {
    AtomicInteger polls = new AtomicInteger();
    List<String> seen = Collections.synchronizedList(new ArrayList<>());
    Poller<String, String> op = builder(script(polls, "PENDING", "PENDING", "RUNNING", "RUNNING", "DONE"))
        .listener(seen::add)
        .start();
    op.await();
    assertEquals(List.of("PENDING", "RUNNING", "DONE"), seen);
    List<String> late = new ArrayList<>();
    op.addListener(late::add);
    assertEquals(List.of("DONE"), late, "a late listener gets the current state at once");
  }

  @Test
  void pollNowRecordsTheState() {
    AtomicInteger polls = new AtomicInteger();
    Poller<String, String> op = builder(script(polls, "RUNNING", "RUNNING", "RUNNING"))
        .initialDelay(Duration.ofDays(1)).sleeper(d -> new CompletableFuture<>()).start();
    assertEquals("RUNNING", op.poll());
    assertEquals("RUNNING", op.lastState().orElseThrow());
    assertThrows(OperationTimeoutException.class, () -> op.await(Duration.ofMillis(1)));
    assertTrue(!op.isDone(), "a timed-out await leaves the operation running");
  }

  @Test
  void aThousandConcurrentPollsCompleteOnAHandfulOfThreads() throws Exception {
    Set<String> threads = Collections.synchronizedSet(new java.util.HashSet<>());
    try (DatabricksClient real = DatabricksClient.builder().host("http://127.0.0.1:9")
        .credentials(dev.kiln.core.auth.Credentials.personalAccessToken("t")).build()) {
      List<CompletableFuture<String>> results = new ArrayList<>();
      for (int i = 0; i < 1000; i++) {
        AtomicInteger polls = new AtomicInteger();
        results.add(Poller.<String, String>builder(real)
            .poll(() -> {
              threads.add(Thread.currentThread().getName());
              return CompletableFuture.completedFuture(polls.incrementAndGet() < 3 ? "RUNNING" : "DONE");
            })
            .isTerminal("DONE"::equals)
            .result(s -> s)
            .initialDelay(Duration.ofMillis(1))
            .maxDelay(Duration.ofMillis(5))
            .start()
            .resultAsync());
      }
      CompletableFuture.allOf(results.toArray(new CompletableFuture[0])).get(30, TimeUnit.SECONDS);
      assertTrue(results.stream().allMatch(f -> "DONE".equals(f.join())));
    }
    assertTrue(threads.size() <= 2, "polls ran on " + threads);
  }
}
