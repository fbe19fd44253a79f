package dev.kiln.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.core.error.OperationTimeoutException;
import dev.kiln.core.error.ReadTimeoutException;
import dev.kiln.core.spi.Futures;
import dev.kiln.core.testing.FakeSleeper;
import dev.kiln.core.testing.StallingServer;
import dev.kiln.core.testing.TestClients;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * readTimeout is the longest silence allowed while waiting for headers or any body bytes, on every
 * body kind, blocking and async; the overall deadline bounds a body read whole. The waits here are
 * the client's own 300 ms timeouts on a real socket that goes silent after its headers.
 */
class StallTest {
  private static final Duration READ_TIMEOUT = Duration.ofMillis(300);
  private static final Duration BOUND = Duration.ofSeconds(10);

  private final FakeSleeper sleeper = new FakeSleeper();

  private DatabricksClient client(StallingServer server, int maxAttempts) {
    return TestClients.builder(server.url(), sleeper)
        .readTimeout(READ_TIMEOUT)
        .retryPolicy(RetryPolicy.builder().jitter(0).maxAttempts(maxAttempts).build())
        .build();
  }

  @Test
  void aJsonGetWhoseBodyStallsAfterTheHeadersTimesOutAndIsRetried() throws Exception {
    try (StallingServer server = StallingServer.answering(200, "application/json", 100, "{\"a\":");
         DatabricksClient db = client(server, 2)) {
      ReadTimeoutException e = assertTimeoutPreemptively(BOUND, () -> assertThrows(ReadTimeoutException.class,
          () -> db.call(ApiRequest.get("/api/2.0/x").build(), JsonNode.class)));
      assertEquals(2, e.attempts());
      assertEquals(2, server.count("GET"), "a GET is safe to repeat");
    }
  }

  @Test
  void anAsyncJsonGetWhoseBodyStallsFailsTheFuture() throws Exception {
    try (StallingServer server = StallingServer.answering(200, "application/json", 100, "{\"a\":");
         DatabricksClient db = client(server, 1)) {
      CompletableFuture<JsonNode> f = db.callAsync(ApiRequest.get("/api/2.0/x").build(), JsonNode.class);
      ExecutionException e = assertThrows(ExecutionException.class, () -> f.get(10, TimeUnit.SECONDS));
      assertInstanceOf(ReadTimeoutException.class, e.getCause());
    }
  }

  @Test
  void aPostWhoseBodyStallsIsNotSentAgain() throws Exception {
    try (StallingServer server = StallingServer.answering(200, "application/json", 100, "{\"statement_id\":");
         DatabricksClient db = client(server, 6)) {
      ApiRequest post = ApiRequest.post("/api/2.0/sql/statements").jsonBody(Map.of("statement", "SELECT 1")).build();
      assertTimeoutPreemptively(BOUND, () -> assertThrows(ReadTimeoutException.class, () -> db.call(post, JsonNode.class)));
      CompletableFuture<JsonNode> async = db.callAsync(post, JsonNode.class);
      ExecutionException e = assertThrows(ExecutionException.class, () -> async.get(10, TimeUnit.SECONDS));
      assertInstanceOf(ReadTimeoutException.class, e.getCause());
      assertEquals(2, server.count("POST"), "each of the two calls sent its POST exactly once");
    }
  }

  @Test
  void anErrorBodyThatStallsTimesOutToo() throws Exception {
    try (StallingServer server = StallingServer.answering(400, "application/json", 100, "{\"error_code\":");
         DatabricksClient db = client(server, 1)) {
      assertTimeoutPreemptively(BOUND, () -> assertThrows(ReadTimeoutException.class,
          () -> db.call(ApiRequest.get("/api/2.0/x").build(), JsonNode.class)));
    }
  }

  @Test
  void headersThatNeverComeTimeOutAsAReadTimeout() throws Exception {
    try (StallingServer server = StallingServer.silent(); DatabricksClient db = client(server, 1)) {
      assertTimeoutPreemptively(BOUND, () -> assertThrows(ReadTimeoutException.class,
          () -> db.call(ApiRequest.get("/api/2.0/x").build(), JsonNode.class)));
    }
  }

  @Test
  void aStreamBodyThatStallsEndsTheReaderWithATypedCause() throws Exception {
    try (StallingServer server = StallingServer.answering(200, "text/event-stream", 10_000, "data: {}\n\n");
         DatabricksClient db = client(server, 1)) {
      for (boolean async : new boolean[] {false, true}) {
        ApiRequest get = ApiRequest.get("/serving-endpoints/{name}/invocations", "e").build();
        ApiResponse<InputStream> r = async
            ? Futures.join(db.sendAsync(get, BodyReader.inputStream()))
            : db.send(get, BodyReader.inputStream());
        try (InputStream in = r.body()) {
          byte[] first = in.readNBytes(10);
          assertEquals("data: {}\n\n", new String(first, java.nio.charset.StandardCharsets.UTF_8));
          IOException e = assertTimeoutPreemptively(BOUND, () -> assertThrows(IOException.class, in::read));
          assertTrue(hasCause(e, ReadTimeoutException.class), "cause: " + e);
        }
      }
    }
  }

  @Test
  void everyBodyKindIsGuarded() throws Exception {
    try (StallingServer server = StallingServer.answering(200, "application/json", 100, "{\"a\":");
         DatabricksClient db = client(server, 1)) {
      ApiRequest get = ApiRequest.get("/api/2.0/x").build();
      for (BodyReader<?> reader : new BodyReader<?>[] {BodyReader.bytes(), BodyReader.string(),
          BodyReader.discard(), BodyReader.jsonTree()}) {
        assertTimeoutPreemptively(BOUND, () -> assertThrows(ReadTimeoutException.class, () -> db.send(get, reader)));
      }
    }
  }

  @Test
  void theOverallDeadlineBoundsABufferedBody() throws Exception {
    // readTimeout alone would wait 5 minutes; the overall timeout of 500 ms ends the read.
    try (StallingServer server = StallingServer.answering(200, "application/json", 100, "{\"a\":");
         DatabricksClient db = TestClients.builder(server.url(), sleeper)
             .readTimeout(Duration.ofMinutes(5))
             .retryPolicy(RetryPolicy.builder().jitter(0).overallTimeout(Duration.ofMillis(500)).build())
             .build()) {
      assertTimeoutPreemptively(BOUND, () -> assertThrows(OperationTimeoutException.class,
          () -> db.call(ApiRequest.get("/api/2.0/x").build(), JsonNode.class)));
    }
  }

  private static boolean hasCause(Throwable t, Class<?> type) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (type.isInstance(c)) {
        return true;
      }
    }
    return false;
  }
}
