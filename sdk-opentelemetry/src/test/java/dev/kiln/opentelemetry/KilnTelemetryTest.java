package dev.kiln.opentelemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.core.ApiRequest;
import dev.kiln.core.ClientListener;
import dev.kiln.core.DatabricksClient;
import dev.kiln.core.RetryPolicy;
import dev.kiln.core.error.NotFoundException;
import dev.kiln.core.error.TransportException;
import dev.kiln.core.testing.FakeSleeper;
import dev.kiln.core.testing.TestClients;
import dev.kiln.core.testing.Wire;
import dev.kiln.sql.SqlClient;
import dev.kiln.sql.StatementResult;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.data.PointData;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.net.ServerSocket;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class KilnTelemetryTest {
  static final AttributeKey<String> METHOD = AttributeKey.stringKey("http.request.method");
  static final AttributeKey<String> TEMPLATE = AttributeKey.stringKey("url.template");
  static final AttributeKey<String> URL = AttributeKey.stringKey("url.full");
  static final AttributeKey<String> ADDRESS = AttributeKey.stringKey("server.address");
  static final AttributeKey<Long> PORT = AttributeKey.longKey("server.port");
  static final AttributeKey<Long> STATUS = AttributeKey.longKey("http.response.status_code");
  static final AttributeKey<Long> RESEND = AttributeKey.longKey("http.request.resend_count");
  static final AttributeKey<String> ERROR = AttributeKey.stringKey("error.type");
  static final AttributeKey<String> REQUEST_ID = AttributeKey.stringKey("databricks.request_id");
  static final AttributeKey<String> OP_KIND = AttributeKey.stringKey("kiln.operation.kind");
  static final AttributeKey<String> OP_ID = AttributeKey.stringKey("kiln.operation.id");
  static final AttributeKey<String> OP_STATUS = AttributeKey.stringKey("kiln.operation.status");
  static final AttributeKey<Long> OP_POLLS = AttributeKey.longKey("kiln.operation.polls");

  static final String THING = "GET /api/2.0/things/{thing_id}";
  static final String POLL = "GET /api/2.0/sql/statements/{statement_id}";
  static final String ONE_ROW = "'manifest':{'format':'JSON_ARRAY','schema':{'column_count':1,'columns':"
      + "[{'name':'one','position':0,'type_name':'INT','type_text':'INT'}]},'total_chunk_count':1,"
      + "'total_row_count':1,'truncated':false,'chunks':[{'chunk_index':0,'row_offset':0,'row_count':1}]},"
      + "'result':{'chunk_index':0,'row_offset':0,'row_count':1,'data_array':[['1']]}";

  @StartStop
  final MockWebServer server = new MockWebServer();

  final FakeSleeper sleeper = new FakeSleeper();
  final Telemetry telemetry = new Telemetry();

  @AfterEach
  void close() {
    telemetry.close();
  }

  private DatabricksClient client(ClientListener listener) {
    return TestClients.builder(server.url("/").toString(), sleeper).listener(listener).build();
  }

  private DatabricksClient client() {
    return client(KilnTelemetry.create(telemetry.sdk));
  }

  private static String statement(String state, String rest) {
    return "{'statement_id':'01ef-stmt','status':{'state':'" + state + "'}" + (rest.isEmpty() ? "" : "," + rest) + "}";
  }

  private static List<SpanData> named(List<SpanData> spans, String name) {
    return spans.stream().filter(s -> s.getName().equals(name)).collect(Collectors.toList());
  }

  private static SpanData only(List<SpanData> spans, String name) {
    List<SpanData> found = named(spans, name);
    assertEquals(1, found.size(), name + " in " + spans);
    return found.get(0);
  }

  private List<PointData> points(String metric) {
    Collection<MetricData> all = telemetry.metrics.collectAllMetrics();
    return telemetry.metric(all, metric).map(m -> new ArrayList<PointData>(m.getData().getPoints()))
        .orElseGet(ArrayList::new);
  }

  private long sum(String counter) {
    return points(counter).stream().mapToLong(p -> ((LongPointData) p).getValue()).sum();
  }

  @Test
  void aRetriedRequestIsTwoAttemptSpansUnderTheCallersSpan() throws Exception {
    server.enqueue(new MockResponse.Builder().code(503).addHeader("x-request-id", "r1").build());
    server.enqueue(new MockResponse.Builder(Wire.ok("{}")).addHeader("x-request-id", "r2").build());
    Span caller = telemetry.tracer().spanBuilder("caller").startSpan();
    try (DatabricksClient db = client(); Scope s = caller.makeCurrent()) {
      db.call(ApiRequest.get("/api/2.0/things/{thing_id}", "thing-42").query("filter", "x").build(), JsonNode.class);
    } finally {
      caller.end();
    }
    List<SpanData> attempts = named(telemetry.awaitSpans(THING, 2), THING);
    assertEquals(2, attempts.size());
    SpanData first = attempts.get(0);
    SpanData second = attempts.get(1);
    for (SpanData a : attempts) {
      assertEquals(SpanKind.CLIENT, a.getKind());
      assertEquals(caller.getSpanContext().getSpanId(), a.getParentSpanId());
      assertEquals(caller.getSpanContext().getTraceId(), a.getTraceId());
      Attributes at = a.getAttributes();
      assertEquals("GET", at.get(METHOD));
      assertEquals("/api/2.0/things/{thing_id}", at.get(TEMPLATE));
      assertEquals(server.getHostName(), at.get(ADDRESS));
      assertEquals(server.getPort(), at.get(PORT).intValue());
      assertEquals("http://" + server.getHostName() + ":" + server.getPort() + "/api/2.0/things/thing-42", at.get(URL));
    }
    assertEquals(503L, first.getAttributes().get(STATUS));
    assertEquals("503", first.getAttributes().get(ERROR));
    assertEquals(StatusCode.ERROR, first.getStatus().getStatusCode());
    assertEquals("r1", first.getAttributes().get(REQUEST_ID));
    assertEquals(null, first.getAttributes().get(RESEND));
    assertEquals(200L, second.getAttributes().get(STATUS));
    assertEquals(1L, second.getAttributes().get(RESEND));
    assertEquals("r2", second.getAttributes().get(REQUEST_ID));
    assertEquals(null, second.getAttributes().get(ERROR));
    assertEquals(StatusCode.UNSET, second.getStatus().getStatusCode());

    List<PointData> durations = points("http.client.request.duration");
    assertEquals(2, durations.size(), "one series per status: " + durations);
    assertEquals(2, durations.stream().mapToLong(p -> ((HistogramPointData) p).getCount()).sum());
    for (PointData p : durations) {
      assertEquals("/api/2.0/things/{thing_id}", p.getAttributes().get(TEMPLATE));
      assertEquals(null, p.getAttributes().get(URL));
      assertEquals(null, p.getAttributes().get(REQUEST_ID));
    }
    assertEquals(1, sum("kiln.client.retries"));
    assertEquals(503L, points("kiln.client.retries").get(0).getAttributes().get(STATUS));
  }

  @Test
  void aPolledStatementIsAnOperationSpanWithItsPollsAsChildren() throws Exception {
    server.enqueue(Wire.ok(statement("PENDING", "")));
    server.enqueue(Wire.ok(statement("RUNNING", "")));
    server.enqueue(Wire.ok(statement("RUNNING", "")));
    server.enqueue(Wire.ok(statement("SUCCEEDED", ONE_ROW)));
    Span caller = telemetry.tracer().spanBuilder("caller").startSpan();
    try (DatabricksClient db = client()) {
      CompletableFuture<StatementResult> running;
      try (Scope s = caller.makeCurrent()) {
        running = SqlClient.create(db).executeAsync("wh-1", "SELECT 1 AS one");
      }
      // Joined outside the caller's scope: the spans must still find it.
      try (StatementResult result = running.join()) {
        assertEquals(1, result.totalRowCount());
      }
    } finally {
      caller.end();
    }
    List<SpanData> spans = telemetry.awaitSpans("Kiln statement", 1);
    SpanData operation = only(spans, "Kiln statement");
    SpanData submit = only(spans, "POST /api/2.0/sql/statements/");
    List<SpanData> polls = named(spans, POLL);

    assertEquals(SpanKind.INTERNAL, operation.getKind());
    assertEquals(caller.getSpanContext().getSpanId(), operation.getParentSpanId());
    assertEquals(caller.getSpanContext().getSpanId(), submit.getParentSpanId());
    assertEquals("statement", operation.getAttributes().get(OP_KIND));
    assertEquals("01ef-stmt", operation.getAttributes().get(OP_ID));
    assertEquals("SUCCEEDED", operation.getAttributes().get(OP_STATUS));
    assertEquals(3L, operation.getAttributes().get(OP_POLLS));
    assertEquals(StatusCode.UNSET, operation.getStatus().getStatusCode());
    assertEquals(List.of("PENDING", "RUNNING", "SUCCEEDED"),
        operation.getEvents().stream().map(e -> e.getAttributes().get(OP_STATUS)).collect(Collectors.toList()));
    assertEquals(3, polls.size());
    for (SpanData poll : polls) {
      assertEquals(operation.getSpanId(), poll.getParentSpanId(), "a poll is a child of its operation");
      assertEquals(200L, poll.getAttributes().get(STATUS));
    }

    assertEquals(3, sum("kiln.operation.polls"));
    List<PointData> durations = points("kiln.operation.duration");
    assertEquals(1, durations.size());
    assertEquals(1, ((HistogramPointData) durations.get(0)).getCount());
    assertEquals("statement", durations.get(0).getAttributes().get(OP_KIND));
    assertEquals("SUCCEEDED", durations.get(0).getAttributes().get(OP_STATUS));
    assertEquals(null, durations.get(0).getAttributes().get(OP_ID), "ids are not metric attributes");
  }

  @Test
  void withoutOperationSpansPollsGoUnderTheCaller() throws Exception {
    server.enqueue(Wire.ok(statement("PENDING", "")));
    server.enqueue(Wire.ok(statement("SUCCEEDED", ONE_ROW)));
    Span caller = telemetry.tracer().spanBuilder("caller").startSpan();
    try (DatabricksClient db = client(KilnTelemetry.builder(telemetry.sdk).operationSpans(false)
        .instrumentationName("kiln-test").instrumentationVersion("9.9").build());
        Scope s = caller.makeCurrent()) {
      SqlClient.create(db).execute("wh-1", "SELECT 1 AS one").close();
    } finally {
      caller.end();
    }
    List<SpanData> spans = telemetry.awaitSpans("caller", 1);
    assertTrue(named(spans, "Kiln statement").isEmpty(), spans.toString());
    SpanData poll = only(spans, POLL);
    assertEquals(caller.getSpanContext().getSpanId(), poll.getParentSpanId());
    assertEquals("kiln-test", poll.getInstrumentationScopeInfo().getName());
    assertEquals("9.9", poll.getInstrumentationScopeInfo().getVersion());
    assertEquals(1, sum("kiln.operation.polls"));
    assertEquals(1, points("kiln.operation.duration").size());
  }

  @Test
  void aFailedCallSetsErrorStatusAndType() throws Exception {
    server.enqueue(Wire.error(404, "{'error_code':'RESOURCE_DOES_NOT_EXIST','message':'no such thing'}"));
    ClientListener listener = KilnTelemetry.create(telemetry.sdk);
    try (DatabricksClient db = client(listener)) {
      assertThrows(NotFoundException.class,
          () -> db.call(ApiRequest.get("/api/2.0/things/{thing_id}", "gone").build(), JsonNode.class));
    }
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    try (DatabricksClient db = TestClients.builder("http://127.0.0.1:" + closedPort, sleeper).listener(listener)
        .retryPolicy(RetryPolicy.builder().maxAttempts(1).build()).build()) {
      CompletionException e = assertThrows(CompletionException.class,
          () -> db.callAsync(ApiRequest.post("/api/2.0/things").build(), JsonNode.class).join());
      assertTrue(e.getCause() instanceof TransportException, e.toString());
    }
    List<SpanData> spans = telemetry.awaitSpans(all -> all.size() >= 2);
    SpanData notFound = only(spans, THING);
    assertEquals(StatusCode.ERROR, notFound.getStatus().getStatusCode());
    assertEquals("404", notFound.getAttributes().get(ERROR));
    assertEquals(404L, notFound.getAttributes().get(STATUS));
    SpanData noAnswer = only(spans, "POST /api/2.0/things");
    assertEquals(StatusCode.ERROR, noAnswer.getStatus().getStatusCode());
    assertEquals(TransportException.class.getName(), noAnswer.getAttributes().get(ERROR));
    assertEquals(null, noAnswer.getAttributes().get(STATUS));
    assertTrue(points("http.client.request.duration").stream()
        .anyMatch(p -> TransportException.class.getName().equals(p.getAttributes().get(ERROR))));
  }

  @Test
  void aFailedStatementEndsItsOperationSpanInError() throws Exception {
    server.enqueue(Wire.ok(statement("PENDING", "")));
    server.enqueue(Wire.ok(statement("FAILED", "")
        .replace("'state':'FAILED'}", "'state':'FAILED','error':{'error_code':'BAD_REQUEST','message':'syntax'}}")));
    try (DatabricksClient db = client()) {
      assertThrows(RuntimeException.class, () -> SqlClient.create(db).execute("wh-1", "SELEC 1"));
    }
    SpanData operation = only(telemetry.awaitSpans("Kiln statement", 1), "Kiln statement");
    assertEquals(StatusCode.ERROR, operation.getStatus().getStatusCode());
    assertEquals("FAILED", operation.getAttributes().get(OP_STATUS));
    assertTrue(operation.getAttributes().get(ERROR).startsWith("dev.kiln."), operation.getAttributes().toString());
    assertEquals(1L, operation.getAttributes().get(OP_POLLS));
  }

  @Test
  void noTokenHeaderOrPresignedQueryReachesAnyAttribute() throws Exception {
    String signature = "sig-0123456789abcdef";
    server.enqueue(Wire.ok("{}"));
    server.enqueue(Wire.ok("{}"));
    server.enqueue(Wire.ok("{}"));
    server.enqueue(new MockResponse.Builder().code(503).build());
    server.enqueue(Wire.error(403, "{'error_code':'PERMISSION_DENIED','message':'no'}"));
    URI presigned = URI.create(server.url("/bucket/chunk-0.arrow").toString()
        + "?X-Amz-Signature=" + signature + "&X-Amz-Credential=cred-secret&sv=sas-secret");
    try (DatabricksClient db = client()) {
      db.call(ApiRequest.get("/api/2.0/things/{thing_id}", "thing-42").query("token", "query-secret").build(), JsonNode.class);
      db.call(ApiRequest.absolute("GET", presigned).build(), JsonNode.class);
      db.call(ApiRequest.absolute("GET", URI.create(server.url("/metadata/path-secret").toString())).secretTarget().build(),
          JsonNode.class);
      assertThrows(RuntimeException.class, () -> db.call(ApiRequest.post("/api/2.0/things").header("Authorization", "Bearer x-secret")
          .build(), JsonNode.class));
    }
    List<SpanData> spans = telemetry.awaitSpans(all -> all.size() >= 5);
    List<String> seen = new ArrayList<>();
    for (SpanData span : spans) {
      seen.add(span.getName());
      span.getAttributes().forEach((k, v) -> seen.add(k.getKey() + "=" + v));
      for (EventData e : span.getEvents()) {
        e.getAttributes().forEach((k, v) -> seen.add(k.getKey() + "=" + v));
      }
    }
    for (MetricData m : telemetry.metrics.collectAllMetrics()) {
      for (PointData p : m.getData().getPoints()) {
        p.getAttributes().forEach((k, v) -> {
          seen.add(k.getKey() + "=" + v);
          assertFalse(String.valueOf(v).contains("thing-42"), "a raw path in a metric attribute: " + k + "=" + v);
        });
      }
    }
    for (String s : seen) {
      for (String secret : List.of(TestClients.TOKEN, "Bearer", "Authorization", signature, "X-Amz", "cred-secret",
          "sas-secret", "query-secret", "path-secret", "x-secret", "?")) {
        assertFalse(s.contains(secret), secret + " in " + s);
      }
    }
    assertTrue(seen.contains("url.full=http://" + server.getHostName() + ":" + server.getPort() + "/bucket/chunk-0.arrow"),
        seen.toString());
    assertTrue(seen.contains("url.template={external_link}"), seen.toString());
  }

  @Test
  void everyListenerEventOfOneClientIsHandledFromManyThreads() throws Exception {
    int calls = 20;
    for (int i = 0; i < calls; i++) {
      server.enqueue(Wire.ok("{}"));
    }
    Span caller = telemetry.tracer().spanBuilder("caller").startSpan();
    try (DatabricksClient db = client()) {
      List<CompletableFuture<JsonNode>> all = new ArrayList<>();
      try (Scope s = caller.makeCurrent()) {
        for (int i = 0; i < calls; i++) {
          all.add(db.callAsync(ApiRequest.get("/api/2.0/things/{thing_id}", "t" + i).build(), JsonNode.class));
        }
      }
      all.forEach(CompletableFuture::join);
    } finally {
      caller.end();
    }
    List<SpanData> attempts = named(telemetry.awaitSpans(THING, calls), THING);
    assertEquals(calls, attempts.size());
    Map<String, Long> byParent = attempts.stream()
        .collect(Collectors.groupingBy(SpanData::getParentSpanId, Collectors.counting()));
    assertEquals(Map.of(caller.getSpanContext().getSpanId(), (long) calls), byParent);
    assertEquals(calls, attempts.stream().map(a -> a.getAttributes().get(URL)).distinct().count());
  }
}
