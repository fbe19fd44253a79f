package dev.kiln.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.core.spi.ClientInternals;
import dev.kiln.core.auth.Credentials;
import dev.kiln.core.error.ConfigurationException;
import dev.kiln.core.error.DatabricksClientException;
import dev.kiln.core.error.OperationInterruptedException;
import dev.kiln.core.testing.CapturedLogs;
import dev.kiln.core.testing.FakeSleeper;
import dev.kiln.core.testing.TestClients;
import java.net.http.HttpClient;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

class DatabricksClientTest {
  @StartStop
  final MockWebServer server = new MockWebServer();

  private static MockResponse ok(String body) {
    return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(body).build();
  }

  @Test
  void requestsCarryMethodPathQueryHeadersAndJsonBody() throws Exception {
    server.enqueue(ok("{\"id\":\"c-1\"}"));
    try (DatabricksClient db = TestClients.forUrl(server.url("/").toString(), new FakeSleeper())) {
      JsonNode r = db.call(ApiRequest.post("/api/1.2/contexts/create")
          .query("a b", "x/y")
          .query("skipped", null)
          .header("X-Custom", "1")
          .jsonBody(Map.of("language", "python"))
          .build(), JsonNode.class);
      assertEquals("c-1", r.get("id").asText());
    }
    RecordedRequest req = server.takeRequest(5, TimeUnit.SECONDS);
    assertEquals("POST", req.getMethod());
    assertEquals("/api/1.2/contexts/create?a%20b=x%2Fy", req.getTarget());
    assertEquals("1", req.getHeaders().get("X-Custom"));
    assertEquals("application/json", req.getHeaders().get("Content-Type"));
    assertEquals("application/json", req.getHeaders().get("Accept"));
    assertEquals("Bearer " + TestClients.TOKEN, req.getHeaders().get("Authorization"));
    assertEquals("{\"language\":\"python\"}", req.getBody().utf8());
  }

  @Test
  void absoluteRequestsGoWithoutCredentials() throws Exception {
    server.enqueue(ok("data"));
    try (DatabricksClient db = TestClients.forUrl("http://127.0.0.1:9", new FakeSleeper())) {
      String body = db.send(ApiRequest.absolute("GET", server.url("/bucket/chunk0?X-Sig=abc").uri())
          .header("x-amz-server-side-encryption", "AES256").build(), BodyReader.string()).body();
      assertEquals("data", body);
    }
    RecordedRequest req = server.takeRequest(5, TimeUnit.SECONDS);
    assertEquals(null, req.getHeaders().get("Authorization"));
    assertEquals("AES256", req.getHeaders().get("x-amz-server-side-encryption"));
    assertEquals("/bucket/chunk0?X-Sig=abc", req.getTarget());
  }

  @Test
  void pathSegmentsAreEncoded() {
    assertEquals("main.docs.en%20wiki%2Fidx", ApiRequest.segment("main.docs.en wiki/idx"));
    assertThrows(DatabricksClientException.class, () -> ApiRequest.segment(""));
  }

  @Test
  void buildingAClientSendsNothing() {
    try (DatabricksClient db = DatabricksClient.builder().host(server.url("/").toString())
        .credentials(Credentials.oauthM2M("id", "secret")).build()) {
      assertEquals(0, server.getRequestCount());
      assertEquals("DatabricksClient[host=" + db.host() + ", auth=oauth-m2m]", db.toString());
    }
  }

  @Test
  void missingHostOrCredentialsFailAtBuild() {
    assertThrows(ConfigurationException.class, () -> DatabricksClient.builder().credentials(Credentials.personalAccessToken("t")).build());
    assertThrows(ConfigurationException.class, () -> DatabricksClient.builder().host("h.cloud.databricks.com").build());
    assertThrows(ConfigurationException.class, () -> Credentials.personalAccessToken(" "));
  }

  @Test
  void userSuppliedResourcesAreNeverClosed() {
    ExecutorService executor = Executors.newSingleThreadExecutor();
    ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    HttpClient http = HttpClient.newHttpClient();
    try {
      DatabricksClient db = DatabricksClient.builder().host(server.url("/").toString())
          .credentials(Credentials.personalAccessToken("t"))
          .executor(executor).scheduler(scheduler).httpClient(http).build();
      db.close();
      assertFalse(executor.isShutdown());
      assertFalse(scheduler.isShutdown());
      server.enqueue(ok("{}"));
      assertEquals(200, http.sendAsync(java.net.http.HttpRequest.newBuilder(server.url("/").uri()).build(),
          java.net.http.HttpResponse.BodyHandlers.discarding()).join().statusCode());
    } finally {
      executor.shutdownNow();
      scheduler.shutdownNow();
    }
  }

  @Test
  void closeRunsRegisteredHooksAndRefusesNewCalls() {
    AtomicInteger closed = new AtomicInteger();
    DatabricksClient db = TestClients.forUrl(server.url("/").toString(), new FakeSleeper());
    ClientInternals.of(db).onClose(closed::incrementAndGet);
    ClientInternals.Registration forgotten = ClientInternals.of(db).onClose(() -> closed.addAndGet(100));
    forgotten.close();
    db.close();
    db.close();
    assertEquals(1, closed.get());
    assertTrue(db.isClosed());
    assertThrows(DatabricksClientException.class, () -> db.call(ApiRequest.get("/x").build(), JsonNode.class));
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void closeHooksMayStillSendRequests() throws Exception {
    server.enqueue(ok("{}"));
    DatabricksClient db = TestClients.forUrl(server.url("/").toString(), new FakeSleeper());
    AtomicReference<Throwable> failure = new AtomicReference<>();
    ClientInternals.of(db).onClose(() -> {
      try {
        db.call(ApiRequest.post("/api/1.2/contexts/destroy").jsonBody(Map.of("contextId", "c-1")).build(), JsonNode.class);
      } catch (RuntimeException e) {
        failure.set(e);
      }
    });
    db.close();
    assertEquals(null, failure.get());
    assertEquals("/api/1.2/contexts/destroy", server.takeRequest(5, TimeUnit.SECONDS).getTarget());
  }

  @Test
  void closeStopsTheThreadsItCreated() throws Exception {
    AtomicReference<Thread> worker = new AtomicReference<>();
    server.enqueue(ok("{}"));
    DatabricksClient db = DatabricksClient.builder().host(server.url("/").toString())
        .credentials(Credentials.personalAccessToken("t")).build();
    db.sendAsync(ApiRequest.get("/x").build(), BodyReader.jsonTree())
        .thenRun(() -> worker.set(Thread.currentThread())).get(5, TimeUnit.SECONDS);
    db.close();
    Thread t = worker.get();
    if (t != null && t.getName().startsWith("kiln-worker")) {
      t.join(5_000);
      assertFalse(t.isAlive(), "worker thread still alive after close");
    }
    ScheduledExecutorService scheduler = ClientInternals.of(db).scheduler();
    assertTrue(scheduler.isShutdown());
  }

  @Test
  void interruptingABlockingCallCancelsItAndKeepsTheFlag() throws Exception {
    server.enqueue(new MockResponse.Builder().headersDelay(10, TimeUnit.SECONDS).body("{}").build());
    try (DatabricksClient db = TestClients.forUrl(server.url("/").toString(), new FakeSleeper())) {
      AtomicReference<Throwable> thrown = new AtomicReference<>();
      AtomicReference<Boolean> flag = new AtomicReference<>();
      Thread caller = new Thread(() -> {
        try {
          db.call(ApiRequest.get("/slow").build(), JsonNode.class);
        } catch (Throwable t) {
          thrown.set(t);
          flag.set(Thread.currentThread().isInterrupted());
        }
      });
      caller.start();
      server.takeRequest(5, TimeUnit.SECONDS);
      caller.interrupt();
      caller.join(5_000);
      assertTrue(thrown.get() instanceof OperationInterruptedException, String.valueOf(thrown.get()));
      assertTrue(flag.get());
    }
  }

  @Test
  void debugLogsShowEachAttemptButNeverSecrets() throws Exception {
    CapturedLogs.clear();
    server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
        .body("{\"access_token\":\"oauth-secret-token\",\"expires_in\":3600}").build());
    server.enqueue(new MockResponse.Builder().code(503).addHeader("x-request-id", "r-1").body("{}").build());
    server.enqueue(new MockResponse.Builder().code(401).body("{\"error_code\":\"UNAUTHENTICATED\",\"message\":\"bad\"}").build());
    server.enqueue(new MockResponse.Builder().code(200).body("{\"access_token\":\"oauth-secret-token-2\",\"expires_in\":3600}").build());
    server.enqueue(ok("{}"));
    FakeSleeper sleeper = new FakeSleeper();
    try (DatabricksClient db = DatabricksClient.builder().host(server.url("/").toString())
        .credentials(Credentials.oauthM2M("client-id", "client-secret-value"))
        .clock(sleeper.clock()).sleeper(sleeper).build()) {
      db.call(ApiRequest.get("/api/2.0/x").query("page_size", 10).query("token", "query-secret").build(), JsonNode.class);
      List<String> lines = CapturedLogs.lines();
      String all = CapturedLogs.all();
      assertTrue(all.contains("GET /api/2.0/x?page_size=10&token=*** -> 503"), all);
      assertTrue(all.contains("request-id=r-1"), all);
      assertTrue(all.contains("(attempt 2)"), all);
      assertTrue(all.contains("POST " + server.url("/oidc/v1/token").toString().replace("/oidc", "/oidc")), all);
      assertTrue(lines.size() >= 5, all);
      for (String secret : List.of("oauth-secret-token", "client-secret-value", "query-secret",
          java.util.Base64.getEncoder().encodeToString("client-id:client-secret-value".getBytes(java.nio.charset.StandardCharsets.UTF_8)))) {
        assertFalse(all.contains(secret), "log leaked " + secret + ":\n" + all);
      }
    }
  }

  @Test
  void asyncCallsDoNotParkAThreadPerCall() throws Exception {
    for (int i = 0; i < 100; i++) {
      server.enqueue(new MockResponse.Builder().headersDelay(50, TimeUnit.MILLISECONDS).body("{}").build());
    }
    try (DatabricksClient db = TestClients.forUrl(server.url("/").toString(), new FakeSleeper())) {
      List<CompletableFuture<JsonNode>> calls = new java.util.ArrayList<>();
      for (int i = 0; i < 100; i++) {
        calls.add(db.callAsync(ApiRequest.get("/x").build(), JsonNode.class));
      }
      // MockWebServer runs a thread per connection in this JVM; count only the client's threads.
      List<String> clientThreads = Thread.getAllStackTraces().keySet().stream()
          .map(Thread::getName).filter(n -> n.startsWith("kiln-")).collect(java.util.stream.Collectors.toList());
      CompletableFuture.allOf(calls.toArray(new CompletableFuture[0])).get(30, TimeUnit.SECONDS);
      assertTrue(clientThreads.size() <= 8, clientThreads + " for 100 calls in flight");
    }
  }

  @Test
  void cancellingBeforeHeadersArriveAbortsTheExchange() throws Exception {
    server.enqueue(new MockResponse.Builder().headersDelay(10, TimeUnit.SECONDS).body("{}").build());
    try (DatabricksClient db = TestClients.forUrl(server.url("/").toString(), new FakeSleeper())) {
      CompletableFuture<JsonNode> call = db.callAsync(ApiRequest.get("/slow").build(), JsonNode.class);
      server.takeRequest(5, TimeUnit.SECONDS);
      long t0 = System.nanoTime();
      assertTrue(call.cancel(true));
      // Closing waits for open exchanges on JDK 21+; an aborted exchange lets it return at once.
      db.close();
      assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(5), "close waited for the cancelled exchange");
    }
  }
}
