package dev.kiln.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.core.testing.FakeSleeper;
import dev.kiln.core.testing.TestClients;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

class SmokeTest {
  @StartStop
  final MockWebServer server = new MockWebServer();

  @Test
  void getsJson() throws Exception {
    server.enqueue(new MockResponse.Builder().code(503).addHeader("Retry-After", "2").body("{}").build());
    server.enqueue(new MockResponse.Builder().code(200).body("{\"a\":1}").build());
    FakeSleeper sleeper = new FakeSleeper();
    try (DatabricksClient db = TestClients.forUrl(server.url("/").toString(), sleeper)) {
      JsonNode n = db.call(ApiRequest.get("/api/2.0/x").query("page_size", 5).build(), JsonNode.class);
      assertEquals(1, n.get("a").asInt());
    }
    RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
    assertEquals("GET", r.getMethod());
    assertEquals("/api/2.0/x?page_size=5", r.getTarget());
    assertEquals("Bearer " + TestClients.TOKEN, r.getHeaders().get("Authorization"));
    assertEquals(java.util.List.of(java.time.Duration.ofSeconds(2)), sleeper.sleeps());
  }
}
