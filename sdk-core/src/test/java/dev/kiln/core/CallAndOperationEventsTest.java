package dev.kiln.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.core.error.NotFoundException;
import dev.kiln.core.error.OperationFailedException;
import dev.kiln.core.error.TemporarilyUnavailableException;
import dev.kiln.core.error.TransportException;
import dev.kiln.core.spi.Poller;
import dev.kiln.core.testing.FakeSleeper;
import dev.kiln.core.testing.TestClients;
import dev.kiln.core.testing.Wire;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/** The listener events that bracket a call's attempts and an operation's polls. */
class CallAndOperationEventsTest {
  @StartStop
  final MockWebServer server = new MockWebServer();

  final FakeSleeper sleeper = new FakeSleeper();
  final List<String> lines = new ArrayList<>();
  final List<RequestEvent> requests = new ArrayList<>();
  final List<OperationEvent> operations = new ArrayList<>();

  final ClientListener recording = new ClientListener() {
    @Override
    public synchronized void callStarted(RequestEvent e) {
      request("call-started " + e.method() + " " + e.pathTemplate() + " #" + e.attempt() + " on "
          + Thread.currentThread().getName() + op(e), e);
    }

    @Override
    public synchronized void callFinished(RequestEvent e) {
      request("call-finished " + e.statusCode() + " attempts=" + e.attempt() + " rid=" + e.requestId().orElse("-")
          + " error=" + e.errorType().orElse("-") + op(e), e);
    }

    @Override
    public synchronized void requestSent(RequestEvent e) {
      request("sent #" + e.attempt() + op(e), e);
    }

    @Override
    public synchronized void responseReceived(RequestEvent e) {
      request("response " + e.statusCode() + " #" + e.attempt() + " error=" + e.errorType().orElse("-"), e);
    }

    @Override
    public synchronized void retryScheduled(RequestEvent e) {
      request("retry #" + e.attempt(), e);
    }

    @Override
    public synchronized void operationStarted(OperationEvent e) {
      operation("operation-started " + e.kind() + " " + e.id() + " status=" + e.status() + " polls=" + e.polls()
          + " on " + Thread.currentThread().getName(), e);
    }

    @Override
    public synchronized void operationFinished(OperationEvent e) {
      operation("operation-finished " + e.kind() + " " + e.id() + " status=" + e.status() + " polls=" + e.polls()
          + " error=" + e.errorType().orElse("-"), e);
    }
  };

  private static String op(RequestEvent e) {
    return e.operationKind().map(k -> " op=" + k + " " + e.operationId().orElseThrow()).orElse("");
  }

  private synchronized void request(String line, RequestEvent e) {
    lines.add(line);
    requests.add(e);
    notifyAll();
  }

  private synchronized void operation(String line, OperationEvent e) {
    lines.add(line);
    operations.add(e);
    notifyAll();
  }

  /**
   * Waits until {@code count} calls have finished: an async call's callFinished comes after its
   * continuations, so possibly after the caller saw its result.
   */
  private void awaitCallsFinished(int count) throws InterruptedException {
    awaitLines("call-finished", count);
  }

  /** Waits until {@code count} lines start with {@code prefix} (operationFinished, too, follows the result's continuations). */
  private synchronized void awaitLines(String prefix, int count) throws InterruptedException {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (lines.stream().filter(l -> l.startsWith(prefix)).count() < count) {
      long left = deadline - System.nanoTime();
      assertTrue(left > 0, "calls not finished: " + lines);
      wait(left / 1_000_000 + 1);
    }
  }

  private DatabricksClient client(String url) {
    return TestClients.builder(url, sleeper).listener(recording).build();
  }

  private synchronized List<String> lines() {
    return List.copyOf(lines);
  }

  @Test
  void aCallIsBracketedByStartedAndFinishedWithOneIdAcrossItsAttempts() throws InterruptedException {
    server.enqueue(new MockResponse.Builder().code(503).addHeader("x-request-id", "r1").build());
    server.enqueue(new MockResponse.Builder(Wire.ok("{}")).addHeader("x-request-id", "r2").build());
    server.enqueue(Wire.ok("{}"));
    String caller = Thread.currentThread().getName();
    ApiRequest request = ApiRequest.get("/api/2.0/things/{thing_id}", "thing-42").query("filter", "query-secret").build();
    try (DatabricksClient db = client(server.url("/").toString())) {
      db.call(request, JsonNode.class);
      db.callAsync(request, JsonNode.class).join();
      awaitCallsFinished(2);
    }
    String unavailable = TemporarilyUnavailableException.class.getName();
    assertEquals(List.of(
        "call-started GET /api/2.0/things/{thing_id} #0 on " + caller,
        "sent #1",
        "response 503 #1 error=" + unavailable,
        "retry #1",
        "sent #2",
        "response 200 #2 error=-",
        "call-finished 200 attempts=2 rid=r2 error=-",
        "call-started GET /api/2.0/things/{thing_id} #0 on " + caller,
        "sent #1",
        "response 200 #1 error=-",
        "call-finished 200 attempts=1 rid=- error=-"), lines());
    List<Long> ids = requests.stream().map(RequestEvent::callId).distinct().collect(Collectors.toList());
    assertEquals(2, ids.size(), "one id per call, shared by its events: " + ids);
    assertEquals(7, requests.stream().filter(e -> e.callId() == ids.get(0)).count());
    for (RequestEvent e : requests) {
      assertEquals(server.getPort(), e.port());
      assertEquals(Optional.of("http://" + server.getHostName() + ":" + server.getPort() + "/api/2.0/things/thing-42"), e.url());
      assertFalse(e.toString().contains("query-secret") || e.toString().contains(TestClients.TOKEN), e.toString());
    }
  }

  @Test
  void aFailedCallNamesItsErrorOnTheAttemptAndTheCall() {
    server.enqueue(Wire.error(404, "{'error_code':'RESOURCE_DOES_NOT_EXIST','message':'no such thing'}"));
    try (DatabricksClient db = client(server.url("/").toString())) {
      assertThrows(NotFoundException.class, () -> db.call(ApiRequest.get("/api/2.0/things/{thing_id}", "x").build(), JsonNode.class));
    }
    List<String> got = lines();
    assertEquals(4, got.size(), got.toString());
    assertTrue(got.get(2).startsWith("response 404 #1 error=dev.kiln.core.error."), got.get(2));
    assertTrue(got.get(3).startsWith("call-finished 404 attempts=1 rid=- error=dev.kiln.core.error."), got.get(3));
  }

  @Test
  void noAnswerAtAllIsATransportErrorWithStatusMinusOne() throws InterruptedException {
    server.enqueue(new MockResponse.Builder().onRequestStart(new SocketEffect.CloseSocket()).build());
    try (DatabricksClient db = client(server.url("/").toString())) {
      CompletableFuture<JsonNode> f = db.callAsync(ApiRequest.post("/api/2.0/things").build(), JsonNode.class);
      assertThrows(CompletionException.class, f::join);
      awaitCallsFinished(1);
    }
    String transport = TransportException.class.getName();
    List<String> got = lines();
    assertEquals(List.of("sent #1", "response -1 #1 error=" + transport, "call-finished -1 attempts=1 rid=- error=" + transport),
        got.subList(1, got.size()));
  }

  @Test
  void linksOutsideTheWorkspaceLoseTheirQueryAndSecretTargetsTheirPath() {
    server.enqueue(Wire.ok("{}"));
    server.enqueue(Wire.ok("{}"));
    URI presigned = URI.create(server.url("/bucket/part-0.arrow").toString() + "?X-Amz-Signature=sig-secret&X-Amz-Credential=cred");
    try (DatabricksClient db = client(server.url("/").toString())) {
      db.call(ApiRequest.absolute("GET", presigned).build(), JsonNode.class);
      db.call(ApiRequest.absolute("GET", URI.create(server.url("/metadata/token-path-secret").toString())).secretTarget().build(),
          JsonNode.class);
    }
    String origin = "http://" + server.getHostName() + ":" + server.getPort();
    List<Optional<String>> urls = requests.stream().map(RequestEvent::url).distinct().collect(Collectors.toList());
    assertEquals(List.of(Optional.of(origin + "/bucket/part-0.arrow"), Optional.empty()), urls);
    for (RequestEvent e : requests) {
      assertEquals("{external_link}", e.pathTemplate());
      assertFalse(e.toString().contains("sig-secret") || e.toString().contains("token-path-secret"), e.toString());
    }
  }

  @Test
  void anOperationIsBracketedAndItsPollRequestsNameIt() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      server.enqueue(Wire.ok("{'state':'" + (i < 2 ? "RUNNING" : "SUCCEEDED") + "'}"));
    }
    String caller = Thread.currentThread().getName();
    try (DatabricksClient db = client(server.url("/").toString())) {
      Poller<String, String> op = Poller.<String, String>builder(db)
          .poll(() -> db.callAsync(ApiRequest.get("/api/2.0/sql/statements/{statement_id}", "01ef").build(), JsonNode.class)
              .thenApply(n -> n.get("state").asText()))
          .isTerminal("SUCCEEDED"::equals)
          .result(s -> s)
          .kind("statement")
          .id("01ef")
          .start("PENDING");
      assertEquals("SUCCEEDED", op.await());
      awaitCallsFinished(3);
      awaitLines("operation-finished", 1);
    }
    List<String> got = lines();
    assertEquals("operation-started statement 01ef status=null polls=0 on " + caller, got.get(0));
    assertTrue(got.contains("operation-finished statement 01ef status=SUCCEEDED polls=3 error=-"), got.toString());
    assertEquals(0, operations.get(0).callId(), "started by no call's answer");
    long polls = requests.stream().filter(e -> e.attempt() == 1 && e.retryDelay().isEmpty() && e.statusCode() == -1)
        .filter(e -> e.operationKind().equals(Optional.of("statement")) && e.operationId().equals(Optional.of("01ef")))
        .count();
    assertEquals(3, polls, got.toString());
    assertTrue(requests.stream().allMatch(e -> e.operationKind().isPresent()), got.toString());
  }

  @Test
  void aFailedOperationNamesItsErrorAndARequestOutsideItNamesNone() throws InterruptedException {
    server.enqueue(Wire.ok("{}"));
    try (DatabricksClient db = client(server.url("/").toString())) {
      db.call(ApiRequest.get("/api/2.0/clusters/list").build(), JsonNode.class);
      Poller<String, String> op = Poller.<String, String>builder(db)
          .poll(() -> CompletableFuture.completedFuture("FAILED"))
          .isTerminal(s -> true)
          .result(s -> {
            throw new OperationFailedException("statement 01ef failed", "01ef");
          })
          .kind("statement")
          .id("01ef")
          .start();
      assertThrows(OperationFailedException.class, op::await);
      awaitLines("operation-finished", 1);
    }
    List<String> got = lines();
    assertEquals("operation-finished statement 01ef status=FAILED polls=1 error=" + OperationFailedException.class.getName(),
        got.get(got.size() - 1));
    assertTrue(requests.stream().allMatch(e -> e.operationKind().isEmpty()), got.toString());
    assertNotEquals(0, requests.get(0).callId());
  }

  @Test
  void workStartedFromAnAsyncCallsAnswerNamesThatCall() throws InterruptedException {
    server.enqueue(Wire.ok("{'statement_id':'01ef'}"));
    server.enqueue(Wire.ok("{'state':'SUCCEEDED'}"));
    server.enqueue(Wire.ok("{}"));
    try (DatabricksClient db = client(server.url("/").toString())) {
      String result = db.callAsync(ApiRequest.post("/api/2.0/sql/statements").build(), JsonNode.class)
          .thenCompose(submitted -> Poller.<String, String>builder(db)
              .poll(() -> db.callAsync(ApiRequest.get("/api/2.0/sql/statements/{statement_id}", "01ef").build(), JsonNode.class)
                  .thenApply(n -> n.get("state").asText()))
              .isTerminal("SUCCEEDED"::equals)
              .result(s -> s)
              .kind("statement")
              .id(submitted.get("statement_id").asText())
              .start()
              .resultAsync())
          .thenCompose(state -> db.callAsync(ApiRequest.get("/api/2.0/sql/statements/{statement_id}/result/chunks/{chunk_index}", "01ef", "0").build(), JsonNode.class))
          .thenApply(JsonNode::toString)
          .join();
      assertEquals("{}", result);
      awaitCallsFinished(3);
    }
    List<RequestEvent> started;
    synchronized (this) {
      started = requests.stream().filter(e -> e.attempt() == 0).collect(Collectors.toList());
    }
    assertEquals(3, started.size(), lines().toString());
    RequestEvent submit = started.get(0);
    RequestEvent poll = started.get(1);
    RequestEvent chunk = started.get(2);
    assertEquals(0, submit.parentCallId());
    assertEquals(submit.callId(), operations.get(0).callId(), "the operation started from the submit's answer");
    assertEquals(Optional.of("01ef"), poll.operationId());
    assertEquals(poll.callId(), chunk.parentCallId(), "the chunk fetch follows from the last poll's answer");
    List<String> got = lines();
    assertTrue(got.indexOf("operation-started statement 01ef status=null polls=0 on " + Thread.currentThread().getName()) < 0,
        "started on the thread handing over the submit's answer: " + got);
    int finished = got.indexOf("call-finished 200 attempts=1 rid=- error=-");
    assertTrue(finished > got.stream().filter(l -> l.startsWith("operation-started")).map(got::indexOf).findFirst().orElseThrow(),
        "the submit's callFinished comes after the continuation that started the operation: " + got);
  }
}
