package dev.kiln.core;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.core.auth.Credentials;
import dev.kiln.core.error.ClientClosedException;
import dev.kiln.core.spi.Poller;
import dev.kiln.core.testing.FakeSleeper;
import dev.kiln.core.testing.StallingServer;
import dev.kiln.core.testing.TestClients;
import dev.kiln.core.testing.Wire;
import java.io.File;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/** close() ends every pending future and leaves no thread or socket behind. */
class LifecycleTest {
  @StartStop
  final MockWebServer server = new MockWebServer();

  private static Throwable failureOf(CompletableFuture<?> f) {
    ExecutionException e = assertThrows(ExecutionException.class, () -> f.get(5, TimeUnit.SECONDS));
    return e.getCause();
  }

  @Test
  void closeEndsACallWaitingForHeadersAPollWaitAndASleep() throws Exception {
    try (StallingServer silent = StallingServer.silent()) {
      DatabricksClient db = DatabricksClient.builder().host(silent.url())
          .credentials(Credentials.personalAccessToken(TestClients.TOKEN)).build();
      CompletableFuture<JsonNode> call = db.callAsync(ApiRequest.get("/api/2.0/x").build(), JsonNode.class);
      silent.awaitRequest();
      // A handle waiting for its next poll on the client's real scheduler (an hour away).
      Poller<String, String> op = Poller.<String, String>builder(db)
          .poll(() -> CompletableFuture.completedFuture("RUNNING"))
          .isTerminal(s -> false).result(s -> s)
          .initialDelay(Duration.ofHours(1))
          .start("RUNNING");
      CompletableFuture<Void> sleep = dev.kiln.core.spi.ClientInternals.of(db).sleeper().sleep(Duration.ofHours(1));
      db.close();
      assertInstanceOf(ClientClosedException.class, failureOf(call));
      assertInstanceOf(ClientClosedException.class, failureOf(op.resultAsync()));
      assertInstanceOf(ClientClosedException.class, failureOf(sleep));
    }
  }

  @Test
  void closeEndsABlockingCallWaitingForHeaders() throws Exception {
    try (StallingServer silent = StallingServer.silent()) {
      DatabricksClient db = DatabricksClient.builder().host(silent.url())
          .credentials(Credentials.personalAccessToken(TestClients.TOKEN)).readTimeout(Duration.ofMinutes(5)).build();
      AtomicReference<Throwable> thrown = new AtomicReference<>();
      Thread caller = new Thread(() -> {
        try {
          db.call(ApiRequest.get("/api/2.0/x").build(), JsonNode.class);
        } catch (RuntimeException e) {
          thrown.set(e);
        }
      });
      caller.start();
      silent.awaitRequest();
      db.close();
      caller.join(5_000);
      assertTrue(!caller.isAlive(), "the blocking call still waits for headers after close()");
      assertInstanceOf(ClientClosedException.class, thrown.get());
    }
  }

  @Test
  void aSleeperOnAShutDownSchedulerFailsInsteadOfHanging() {
    ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1);
    scheduler.shutdownNow();
    CompletableFuture<Void> sleep = Sleeper.using(scheduler).sleep(Duration.ofSeconds(1));
    assertInstanceOf(ClientClosedException.class, failureOf(sleep));
  }

  @Test
  void aPollerWhoseSchedulerWasShutDownFailsItsResult() {
    ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1);
    try (DatabricksClient db = DatabricksClient.builder().host(server.url("/").toString())
        .credentials(Credentials.personalAccessToken(TestClients.TOKEN)).scheduler(scheduler).build()) {
      scheduler.shutdownNow();
      Poller<String, String> op = Poller.<String, String>builder(db)
          .poll(() -> CompletableFuture.completedFuture("RUNNING"))
          .isTerminal(s -> false).result(s -> s)
          .sleeper(d -> { // a sleeper that throws, as schedule() does on a shut-down scheduler
            scheduler.schedule(() -> { }, 1, TimeUnit.SECONDS);
            return new CompletableFuture<>();
          })
          .start("RUNNING");
      assertInstanceOf(ClientClosedException.class, failureOf(op.resultAsync()));
    }
  }

  @Test
  void aBlockingCallBackingOffEndsWhenTheClientCloses() throws Exception {
    FakeSleeper sleeper = FakeSleeper.holding();
    server.enqueue(new MockResponse.Builder().code(503).build());
    DatabricksClient db = TestClients.forUrl(server.url("/").toString(), sleeper);
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    Thread caller = new Thread(() -> {
      try {
        db.call(ApiRequest.get("/api/2.0/x").build(), JsonNode.class);
      } catch (RuntimeException e) {
        thrown.set(e);
      }
    });
    caller.start();
    sleeper.awaitSleeps(1);
    db.close();
    caller.join(5_000);
    assertInstanceOf(ClientClosedException.class, thrown.get());
  }

  @Test
  void afterCloseNoKilnThreadNoJdkClientThreadAndNoSocketRemain() throws Exception {
    server.setDispatcher(new Dispatcher() {
      int n;

      @Override
      public synchronized MockResponse dispatch(RecordedRequest request) {
        if (request.getTarget().startsWith("/flaky") && n++ % 2 == 0) {
          return new MockResponse.Builder().code(503).build();
        }
        if (request.getTarget().startsWith("/stream")) {
          return new MockResponse.Builder().code(200).body("x".repeat(10_000)).build();
        }
        return Wire.ok("{'ok': true}");
      }
    });
    // Let threads of earlier tests' clients finish before counting.
    Set<Thread> baselineThreads = waitForThreads(Set.of(), 5);
    long baselineSockets = sockets();
    DatabricksClient db = TestClients.forUrl(server.url("/").toString(), new FakeSleeper());
    List<CompletableFuture<?>> async = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      db.call(ApiRequest.get("/api/2.0/x").build(), JsonNode.class);
      async.add(db.callAsync(ApiRequest.post("/api/2.0/y").jsonBody(Map.of("i", i)).build(), JsonNode.class));
      async.add(db.callAsync(ApiRequest.get("/flaky").build(), JsonNode.class));
      try (InputStream in = db.send(ApiRequest.get("/stream").build(), BodyReader.inputStream()).body()) {
        in.read(); // read a little and close early
      }
    }
    // One stream left open and one call still pending when the client closes.
    InputStream abandoned = db.send(ApiRequest.get("/stream").build(), BodyReader.inputStream()).body();
    CompletableFuture.allOf(async.toArray(new CompletableFuture<?>[0])).get(30, TimeUnit.SECONDS);
    db.close();
    // Within a second of close() returning (JDK 17 included, whose selector thread would otherwise
    // linger up to 3 s), while the user still holds the closed client.
    Set<Thread> left = waitForThreads(baselineThreads, 1);
    assertTrue(left.isEmpty(), "threads left: " + left);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
    while (sockets() > baselineSockets && System.nanoTime() < deadline) {
      System.gc();
      Thread.onSpinWait();
    }
    assertTrue(sockets() <= baselineSockets, "sockets " + sockets() + " > baseline " + baselineSockets
        + ": " + describeSockets());
    abandoned.close();
    java.lang.ref.Reference.reachabilityFence(db);
  }

  /** Kiln and JDK-client threads not in {@code allowed}, after waiting (with GC) up to {@code seconds}. */
  private static Set<Thread> waitForThreads(Set<Thread> allowed, int seconds) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    Set<Thread> left;
    do {
      System.gc();
      left = TransportTest.kilnThreads();
      left.removeIf(t -> !t.isAlive() || allowed.contains(t));
      if (left.isEmpty()) {
        return left;
      }
      Thread.onSpinWait();
    } while (System.nanoTime() < deadline);
    return left;
  }

  private static String describeSockets() throws Exception {
    StringBuilder sb = new StringBuilder();
    for (File f : new File("/proc/self/fd").listFiles()) {
      try {
        String l = Files.readSymbolicLink(Path.of(f.getPath())).toString();
        if (l.startsWith("socket:")) {
          String inode = l.substring(8, l.length() - 1);
          for (String table : new String[] {"/proc/self/net/tcp", "/proc/self/net/tcp6"}) {
            for (String line : Files.readAllLines(Path.of(table))) {
              if (line.contains(" " + inode + " ")) {
                sb.append(line.strip()).append(" | ");
              }
            }
          }
        }
      } catch (Exception gone) {
        // closed while listing
      }
    }
    return sb.toString();
  }

  /** This process's TCP connections (not listening sockets), from /proc (Linux); 0 where it is missing. */
  private static long sockets() throws Exception {
    File[] all = new File("/proc/self/fd").listFiles();
    if (all == null) {
      return 0;
    }
    Set<String> inodes = new java.util.HashSet<>();
    for (File f : all) {
      try {
        String l = Files.readSymbolicLink(Path.of(f.getPath())).toString();
        if (l.startsWith("socket:[")) {
          inodes.add(l.substring(8, l.length() - 1));
        }
      } catch (Exception gone) {
        // closed while listing
      }
    }
    long n = 0;
    for (String table : new String[] {"/proc/self/net/tcp", "/proc/self/net/tcp6"}) {
      for (String line : Files.readAllLines(Path.of(table))) {
        String[] cols = line.strip().split("\\s+");
        if (cols.length > 9 && !"0A".equals(cols[3]) && inodes.contains(cols[9])) {
          n++;
        }
      }
    }
    return n;
  }
}
