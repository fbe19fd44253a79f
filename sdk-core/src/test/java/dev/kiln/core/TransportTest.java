package dev.kiln.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.core.spi.ClientInternals;
import dev.kiln.core.testing.FakeSleeper;
import dev.kiln.core.testing.TestClients;
import dev.kiln.core.testing.Wire;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/** Blocking calls stay on the caller's thread; async calls complete on a bounded pool. */
class TransportTest {
  @StartStop
  final MockWebServer server = new MockWebServer();

  final FakeSleeper sleeper = new FakeSleeper();

  @Test
  void aBlockingCallAndItsRetriesNeverHopToTheCallbackExecutor() {
    AtomicInteger hops = new AtomicInteger();
    Executor counting = r -> {
      hops.incrementAndGet();
      r.run();
    };
    server.enqueue(new MockResponse.Builder().code(503).build());
    server.enqueue(Wire.ok("{'a': 1}"));
    try (DatabricksClient db = TestClients.builder(server.url("/").toString(), sleeper).executor(counting).build()) {
      ApiResponse<JsonNode> r = db.send(ApiRequest.get("/api/2.0/x").build(), BodyReader.jsonTree());
      assertEquals(2, r.attempts());
      assertEquals(0, hops.get(), "the caller's thread did all the work");

      server.enqueue(Wire.ok("{'a': 2}"));
      assertEquals(2, db.callAsync(ApiRequest.get("/api/2.0/x").build(), JsonNode.class).join().get("a").asInt());
      assertTrue(hops.get() >= 1, "async results complete on the callback executor");
    }
  }

  @Test
  void asyncResultsNeverCompleteOnTheJdkClientsOrKilnsTransportThreads() throws Exception {
    server.enqueue(Wire.ok("{}"));
    try (DatabricksClient db = TestClients.forUrl(server.url("/").toString(), sleeper)) {
      AtomicReference<String> thread = new AtomicReference<>();
      db.callAsync(ApiRequest.get("/api/2.0/x").build(), JsonNode.class)
          .thenRun(() -> thread.compareAndSet(null, Thread.currentThread().getName()))
          .get(5, TimeUnit.SECONDS);
      // thenRun may run on the caller when the future was already done; either way never a JDK thread
      assertTrue(!thread.get().startsWith("HttpClient") && !thread.get().startsWith("kiln-http")
          && !thread.get().startsWith("kiln-scheduler"), thread.get());
    }
  }

  @Test
  void manyConcurrentAsyncCallsAddFewThreads() throws Exception {
    int calls = 200;
    server.setDispatcher(new mockwebserver3.Dispatcher() {
      @Override
      public MockResponse dispatch(mockwebserver3.RecordedRequest request) {
        return Wire.ok("{'ok': true}");
      }
    });
    Set<Thread> before = kilnThreads();
    int peak = 0;
    try (DatabricksClient db = TestClients.forUrl(server.url("/").toString(), sleeper)) {
      List<CompletableFuture<JsonNode>> all = new ArrayList<>();
      for (int i = 0; i < calls; i++) {
        all.add(db.callAsync(ApiRequest.get("/api/2.0/x").build(), JsonNode.class)
            .thenApply(n -> n)); // a continuation on the callback pool, as modules chain them
      }
      for (int i = 0; i < all.size(); i++) {
        all.get(i).get(30, TimeUnit.SECONDS);
        if (i % 20 != 0) {
          continue;
        }
        Set<Thread> now = kilnThreads();
        now.removeAll(before);
        peak = Math.max(peak, now.size());
      }
      ClientInternals.of(db).executor(); // still reachable; unused here
    }
    assertTrue(peak <= 16, "threads added: " + peak);
    assertNotEquals(0, peak);
  }

  static Set<Thread> kilnThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().startsWith("kiln-") || t.getName().startsWith("HttpClient-"))
        .collect(Collectors.toSet());
  }
}
