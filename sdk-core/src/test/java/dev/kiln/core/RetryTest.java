package dev.kiln.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.core.error.InternalErrorException;
import dev.kiln.core.error.NotImplementedException;
import dev.kiln.core.error.TemporarilyUnavailableException;
import dev.kiln.core.error.TooManyRequestsException;
import dev.kiln.core.error.TransportException;
import dev.kiln.core.testing.FakeSleeper;
import dev.kiln.core.testing.TestClients;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

class RetryTest {
  @StartStop
  final MockWebServer server = new MockWebServer();

  final FakeSleeper sleeper = new FakeSleeper();

  private DatabricksClient client(RetryPolicy policy) {
    return TestClients.builder(server.url("/").toString(), sleeper).retryPolicy(policy).build();
  }

  private DatabricksClient client() {
    return client(RetryPolicy.builder().jitter(0).initialBackoff(Duration.ofSeconds(1)).build());
  }

  private static MockResponse status(int code, String body) {
    return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
  }

  private static MockResponse ok() {
    return status(200, "{\"ok\":true}");
  }

  @Test
  void tooManyRequestsWithRetryAfterSecondsIsRetriedAfterThatDelay() {
    server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "7").body("{\"error_code\":\"REQUEST_LIMIT_EXCEEDED\"}").build());
    server.enqueue(ok());
    try (DatabricksClient db = client()) {
      ApiResponse<JsonNode> r = db.send(ApiRequest.post("/api/2.0/x").jsonBody(java.util.Map.of("a", 1)).build(), BodyReader.jsonTree());
      assertEquals(2, r.attempts());
    }
    assertEquals(List.of(Duration.ofSeconds(7)), sleeper.sleeps());
    assertEquals(2, server.getRequestCount());
  }

  @Test
  void retryAfterAsHttpDateIsMeasuredAgainstTheClock() {
    // FakeSleeper's clock starts at 2026-01-01T00:00:00Z.
    server.enqueue(new MockResponse.Builder().code(503).addHeader("Retry-After", "Thu, 01 Jan 2026 00:00:12 GMT").build());
    server.enqueue(ok());
    try (DatabricksClient db = client()) {
      db.call(ApiRequest.get("/api/2.0/x").build(), JsonNode.class);
    }
    assertEquals(List.of(Duration.ofSeconds(12)), sleeper.sleeps());
  }

  @Test
  void retryAfterIsCapped() {
    server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "3600").build());
    server.enqueue(ok());
    try (DatabricksClient db = client(RetryPolicy.builder().jitter(0).maxRetryAfter(Duration.ofSeconds(30)).build())) {
      db.call(ApiRequest.get("/api/2.0/x").build(), JsonNode.class);
    }
    assertEquals(List.of(Duration.ofSeconds(30)), sleeper.sleeps());
  }

  @Test
  void serviceUnavailableOnPostIsRetriedWithExponentialBackoff() {
    server.enqueue(status(503, "{\"error_code\":\"TEMPORARILY_UNAVAILABLE\",\"message\":\"busy\"}"));
    server.enqueue(status(503, "{\"error_code\":\"TEMPORARILY_UNAVAILABLE\",\"message\":\"busy\"}"));
    server.enqueue(ok());
    try (DatabricksClient db = client()) {
      db.call(ApiRequest.post("/api/2.0/x").build(), JsonNode.class);
    }
    assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2)), sleeper.sleeps());
  }

  @Test
  void internalErrorOnGetIsRetried() {
    server.enqueue(status(500, "{\"error_code\":\"INTERNAL_ERROR\",\"message\":\"boom\"}"));
    server.enqueue(ok());
    try (DatabricksClient db = client()) {
      assertEquals(2, db.send(ApiRequest.get("/api/2.0/x").build(), BodyReader.jsonTree()).attempts());
    }
  }

  @Test
  void internalErrorOnPostIsNotRetried() {
    server.enqueue(status(500, "{\"error_code\":\"INTERNAL_ERROR\",\"message\":\"boom\"}"));
    server.enqueue(ok());
    try (DatabricksClient db = client()) {
      InternalErrorException e = assertThrows(InternalErrorException.class,
          () -> db.call(ApiRequest.post("/api/2.0/x").build(), JsonNode.class));
      assertEquals(1, e.attempts());
      assertEquals("boom", e.serverMessage());
    }
    assertEquals(1, server.getRequestCount());
    assertTrue(sleeper.sleeps().isEmpty());
  }

  @Test
  void internalErrorOnPostMarkedIdempotentIsRetried() {
    server.enqueue(status(500, "{}"));
    server.enqueue(ok());
    try (DatabricksClient db = client()) {
      db.call(ApiRequest.post("/api/2.0/x").idempotent(true).build(), JsonNode.class);
    }
    assertEquals(2, server.getRequestCount());
  }

  @Test
  void notImplementedIsNeverRetried() {
    server.enqueue(status(501, "{}"));
    try (DatabricksClient db = client()) {
      assertThrows(NotImplementedException.class, () -> db.call(ApiRequest.get("/api/2.0/x").build(), JsonNode.class));
    }
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void afterTheLastAttemptTheUserCatchesTheTypeTheServerMeant() {
    for (int i = 0; i < 3; i++) {
      server.enqueue(status(429, "{\"error_code\":\"RESOURCE_EXHAUSTED\",\"message\":\"quota\"}"));
    }
    try (DatabricksClient db = client(RetryPolicy.builder().jitter(0).maxAttempts(3).build())) {
      TooManyRequestsException e = assertThrows(TooManyRequestsException.class,
          () -> db.call(ApiRequest.get("/api/2.0/x").build(), JsonNode.class));
      assertEquals("RESOURCE_EXHAUSTED", e.errorCode());
      assertEquals(3, e.attempts());
      assertTrue(e.isRetryable());
    }
    assertEquals(3, server.getRequestCount());
  }

  @Test
  void overallDeadlineStopsRetriesEarly() {
    for (int i = 0; i < 5; i++) {
      server.enqueue(status(503, "{}"));
    }
    RetryPolicy policy = RetryPolicy.builder().jitter(0).initialBackoff(Duration.ofSeconds(4))
        .overallTimeout(Duration.ofSeconds(10)).build();
    try (DatabricksClient db = client(policy)) {
      // attempt 1 fails at t=0, sleeps 4 s; attempt 2 fails at t=4, a wait of 8 s would end past 10 s.
      TemporarilyUnavailableException e = assertThrows(TemporarilyUnavailableException.class,
          () -> db.call(ApiRequest.get("/api/2.0/x").build(), JsonNode.class));
      assertEquals(2, e.attempts());
    }
    assertEquals(List.of(Duration.ofSeconds(4)), sleeper.sleeps());
  }

  @Test
  void backoffIsCappedPerSleep() {
    RetryPolicy p = RetryPolicy.builder().jitter(0).initialBackoff(Duration.ofSeconds(1))
        .maxBackoff(Duration.ofSeconds(5)).build();
    assertEquals(Duration.ofSeconds(1), p.backoff(1));
    assertEquals(Duration.ofSeconds(4), p.backoff(3));
    assertEquals(Duration.ofSeconds(5), p.backoff(4));
    assertEquals(Duration.ofSeconds(5), p.backoff(10));
  }

  @Test
  void jitterOnlyShortensTheWait() {
    RetryPolicy p = RetryPolicy.builder().jitter(0.5).initialBackoff(Duration.ofSeconds(2)).build();
    for (int i = 0; i < 100; i++) {
      long ms = p.backoff(1).toMillis();
      assertTrue(ms >= 1000 && ms <= 2000, "backoff " + ms);
    }
  }

  @Test
  void connectRefusedIsRetriedEvenForPost() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort(); // closed again: nothing listens there
    }
    try (DatabricksClient db = TestClients.builder("http://127.0.0.1:" + port, sleeper)
        .retryPolicy(RetryPolicy.builder().jitter(0).maxAttempts(3).build()).build()) {
      TransportException e = assertThrows(TransportException.class,
          () -> db.call(ApiRequest.post("/api/2.0/x").build(), JsonNode.class));
      assertEquals(3, e.attempts());
    }
    assertEquals(2, sleeper.sleeps().size());
  }

  @Test
  void aFailedDownloadNamesTheHostItWasFor() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    try (DatabricksClient db = client(RetryPolicy.none())) {
      TransportException e = assertThrows(TransportException.class, () -> db.send(
          ApiRequest.absolute("GET", java.net.URI.create("http://localhost:" + port + "/bucket/chunk0?sig=s")).build(),
          BodyReader.bytes()));
      assertTrue(e.getMessage().contains(" to localhost failed"), e.getMessage());
      assertTrue(!e.getMessage().contains("sig=s"), e.getMessage());
    }
  }

  @Test
  void connectionResetOnGetIsRetried() throws Exception {
    server.enqueue(new MockResponse.Builder().body("{\"partial\":").onResponseBody(SocketEffect.ShutdownConnection.INSTANCE).build());
    server.enqueue(ok());
    try (DatabricksClient db = client()) {
      ApiResponse<JsonNode> r = db.send(ApiRequest.get("/api/2.0/x").build(), BodyReader.jsonTree());
      assertEquals(2, r.attempts());
      assertTrue(r.body().get("ok").asBoolean());
    }
  }

  @Test
  void connectionResetOnPostIsNotRetried() {
    server.enqueue(new MockResponse.Builder().body("{\"partial\":").onResponseBody(SocketEffect.ShutdownConnection.INSTANCE).build());
    server.enqueue(ok());
    try (DatabricksClient db = client()) {
      TransportException e = assertThrows(TransportException.class,
          () -> db.call(ApiRequest.post("/api/2.0/x").build(), JsonNode.class));
      assertEquals(1, e.attempts());
    }
  }

  @Test
  void readTimeoutOnGetIsRetried() throws Exception {
    server.enqueue(new MockResponse.Builder().headersDelay(2, TimeUnit.SECONDS).body("{}").build());
    server.enqueue(ok());
    try (DatabricksClient db = TestClients.builder(server.url("/").toString(), sleeper)
        .readTimeout(Duration.ofMillis(200)).build()) {
      assertEquals(2, db.send(ApiRequest.get("/api/2.0/x").build(), BodyReader.jsonTree()).attempts());
    }
  }

  @Test
  void transientMessageTextCountsAsUnavailable() throws Exception {
    server.enqueue(status(400, "{\"error_code\":\"INVALID_STATE\",\"message\":\"ClusterNotReadyException: cluster 0101 is starting\"}"));
    server.enqueue(ok());
    try (DatabricksClient db = client()) {
      db.call(ApiRequest.post("/api/1.2/contexts/create").build(), JsonNode.class);
    }
    assertEquals(2, server.getRequestCount());
    RecordedRequest first = server.takeRequest(1, TimeUnit.SECONDS);
    assertEquals("/api/1.2/contexts/create", first.getTarget());
  }

  @Test
  void asyncCallsRetryWithoutBlockingTheCaller() {
    server.enqueue(status(503, "{}"));
    server.enqueue(ok());
    try (DatabricksClient db = client()) {
      ApiResponse<JsonNode> r = db.sendAsync(ApiRequest.get("/api/2.0/x").build(), BodyReader.jsonTree()).join();
      assertEquals(2, r.attempts());
    }
  }
}
