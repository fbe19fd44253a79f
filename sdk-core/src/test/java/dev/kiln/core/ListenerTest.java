package dev.kiln.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.core.spi.Poller;
import dev.kiln.core.testing.FakeSleeper;
import dev.kiln.core.testing.TestClients;
import dev.kiln.core.testing.Wire;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

class ListenerTest {
  @StartStop
  final MockWebServer server = new MockWebServer();

  final FakeSleeper sleeper = new FakeSleeper();
  final List<String> events = new ArrayList<>();
  final List<Object> raw = new ArrayList<>();

  final ClientListener recording = new ClientListener() {
    @Override
    public synchronized void requestSent(RequestEvent e) {
      record("sent " + e.method() + " " + e.pathTemplate() + " #" + e.attempt(), e);
    }

    @Override
    public synchronized void responseReceived(RequestEvent e) {
      record("response " + e.statusCode() + " #" + e.attempt() + " rid=" + e.requestId().orElse("-"), e);
    }

    @Override
    public synchronized void retryScheduled(RequestEvent e) {
      record("retry in " + e.retryDelay().orElseThrow().toMillis() + " ms #" + e.attempt(), e);
    }

    @Override
    public synchronized void polled(OperationEvent e) {
      record("polled " + e.kind() + " " + e.id() + " " + e.status() + " " + e.polls(), e);
    }

    @Override
    public synchronized void statusChanged(OperationEvent e) {
      record("status " + e.kind() + " " + e.id() + " " + e.status(), e);
    }
  };

  private synchronized void record(String line, Object event) {
    events.add(line);
    raw.add(event);
  }

  private DatabricksClient client() {
    return TestClients.builder(server.url("/").toString(), sleeper).listener(recording).build();
  }

  @Test
  void attemptsRetriesAndResponsesAreReportedWithTheTemplateOnly() {
    server.enqueue(new MockResponse.Builder().code(503).addHeader("x-request-id", "r1").build());
    server.enqueue(new MockResponse.Builder(Wire.ok("{}")).addHeader("x-request-id", "r2").build());
    server.enqueue(Wire.ok("{}"));
    try (DatabricksClient db = client()) {
      ApiRequest request = ApiRequest.get("/api/2.0/things/{thing_id}", "secret-thing-42")
          .query("filter", "query-secret-value").build();
      db.call(request, JsonNode.class);
      db.callAsync(request, JsonNode.class).join();
    }
    assertEquals(List.of(
        "sent GET /api/2.0/things/{thing_id} #1",
        "response 503 #1 rid=r1",
        "retry in 500 ms #1",
        "sent GET /api/2.0/things/{thing_id} #2",
        "response 200 #2 rid=r2",
        "sent GET /api/2.0/things/{thing_id} #1",
        "response 200 #1 rid=-"), events);
    for (Object e : raw) {
      String s = e.toString();
      assertFalse(s.contains("secret-thing-42") || s.contains("query-secret-value") || s.contains(TestClients.TOKEN), s);
    }
  }

  @Test
  void pollsAndStatusChangesNameTheOperation() {
    try (DatabricksClient db = client()) {
      Iterator<String> states = List.of("RUNNING", "RUNNING", "SUCCEEDED").iterator();
      Poller<String, String> op = Poller.<String, String>builder(db)
          .poll(() -> CompletableFuture.completedFuture(states.next()))
          .isTerminal("SUCCEEDED"::equals)
          .result(s -> s)
          .kind("statement")
          .id("01ef")
          .start("PENDING");
      assertEquals("SUCCEEDED", op.await());
    }
    assertEquals(List.of(
        "status statement 01ef PENDING",
        "polled statement 01ef RUNNING 1",
        "status statement 01ef RUNNING",
        "polled statement 01ef RUNNING 2",
        "polled statement 01ef SUCCEEDED 3",
        "status statement 01ef SUCCEEDED"), events);
  }

  @Test
  void kindAndIdDefaultToTheDescription() {
    try (DatabricksClient db = client()) {
      Poller.<String, String>builder(db)
          .poll(() -> CompletableFuture.completedFuture("DONE"))
          .isTerminal("DONE"::equals)
          .result(s -> s)
          .description("genie message m-1")
          .start("DONE");
    }
    assertEquals(List.of("status genie message m-1 DONE"), events);
  }
}
