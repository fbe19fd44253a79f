package dev.kiln.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.kiln.core.error.InvalidRequestException;
import dev.kiln.core.testing.FakeSleeper;
import dev.kiln.core.testing.TestClients;
import dev.kiln.core.testing.Wire;
import java.io.ByteArrayInputStream;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/** Request bodies streamed from an InputStream as they are sent, and HEAD requests. */
class StreamBodyTest {
  @StartStop
  final MockWebServer server = new MockWebServer();

  final FakeSleeper sleeper = new FakeSleeper();

  private static byte[] bytes(int n) {
    byte[] b = new byte[n];
    for (int i = 0; i < n; i++) {
      b[i] = (byte) (i * 31);
    }
    return b;
  }

  @Test
  void aKnownLengthIsSentAsContentLength() {
    byte[] data = bytes(300_000);
    server.enqueue(new MockResponse.Builder().code(204).build());
    try (DatabricksClient db = TestClients.forUrl(server.url("/").toString(), sleeper)) {
      db.send(ApiRequest.put("/api/2.0/fs/files/{p}", "a.bin")
          .streamBody(() -> new ByteArrayInputStream(data), data.length, "application/octet-stream").build(),
          BodyReader.discard());
    }
    RecordedRequest r = Wire.expect(server, "PUT", "/api/2.0/fs/files/a.bin");
    assertEquals(String.valueOf(data.length), r.getHeaders().get("Content-Length"));
    assertEquals("application/octet-stream", r.getHeaders().get("Content-Type"));
    assertArrayEquals(data, r.getBody().toByteArray());
  }

  @Test
  void anUnknownLengthIsSentChunkedAndTheSourceIsOpenedOncePerAttempt() {
    byte[] data = bytes(70_000);
    AtomicInteger opened = new AtomicInteger();
    server.enqueue(new MockResponse.Builder().code(503).build());
    server.enqueue(new MockResponse.Builder().code(204).build());
    try (DatabricksClient db = TestClients.forUrl(server.url("/").toString(), sleeper)) {
      ApiResponse<Void> response = db.send(ApiRequest.put("/x")
          .streamBody(() -> {
            opened.incrementAndGet();
            return new ByteArrayInputStream(data);
          }, -1, "application/octet-stream").build(), BodyReader.discard());
      assertEquals(2, response.attempts());
    }
    Wire.take(server);
    RecordedRequest r = Wire.take(server);
    assertNull(r.getHeaders().get("Content-Length"));
    assertEquals("chunked", r.getHeaders().get("Transfer-Encoding"));
    assertArrayEquals(data, r.getBody().toByteArray());
    assertEquals(2, opened.get());
  }

  @Test
  void aLengthBelowMinusOneIsRefused() {
    assertThrows(InvalidRequestException.class,
        () -> ApiRequest.put("/x").streamBody(() -> new ByteArrayInputStream(new byte[0]), -2, null));
  }

  @Test
  void aRequestsOverallTimeoutReplacesThePolicysForThatCall() {
    RetryPolicy tight = RetryPolicy.builder().jitter(0).overallTimeout(java.time.Duration.ofSeconds(1)).build();
    try (DatabricksClient db = TestClients.builder(server.url("/").toString(), sleeper).retryPolicy(tight).build()) {
      server.enqueue(new MockResponse.Builder().code(503).build());
      server.enqueue(new MockResponse.Builder().code(503).build());
      assertThrows(dev.kiln.core.error.TemporarilyUnavailableException.class,
          () -> db.send(ApiRequest.get("/x").build(), BodyReader.discard()), "backoff 0.5 s + 1 s passes 1 s");
      int sent = server.getRequestCount();
      assertEquals(2, sent);
      server.enqueue(new MockResponse.Builder().code(503).build());
      server.enqueue(new MockResponse.Builder().code(503).build());
      server.enqueue(new MockResponse.Builder().code(200).build());
      assertEquals(3, db.send(ApiRequest.get("/x").overallTimeout(java.time.Duration.ofMinutes(1)).build(),
          BodyReader.discard()).attempts());
      assertEquals(sent + 3, server.getRequestCount());
    }
    assertThrows(InvalidRequestException.class, () -> ApiRequest.get("/x").overallTimeout(java.time.Duration.ZERO));
  }

  @Test
  void headReturnsTheHeadersWithoutABody() {
    server.enqueue(new MockResponse.Builder().code(200)
        .addHeader("Last-Modified", "Wed, 02 Dec 2026 09:00:00 GMT").build());
    try (DatabricksClient db = TestClients.forUrl(server.url("/").toString(), sleeper)) {
      ApiResponse<Void> r = db.send(ApiRequest.head("/api/2.0/fs/files/{p}", "a.bin").build(), BodyReader.discard());
      assertEquals("Wed, 02 Dec 2026 09:00:00 GMT", r.header("Last-Modified").orElseThrow());
    }
    assertEquals("HEAD", Wire.take(server).getMethod());
  }
}
