package dev.kiln.serving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.core.DatabricksClient;
import dev.kiln.core.testing.FakeSleeper;
import dev.kiln.core.testing.TestClients;
import dev.kiln.core.testing.Wire;
import dev.kiln.serving.model.InvocationRequest;
import dev.kiln.serving.model.InvocationResponse;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Route-optimized endpoints: the data-plane URL from the endpoint's description, the token minted for it
 * (once, reused, renewed before expiry, one mint under concurrency) and never shown to the workspace host.
 */
class DataPlaneRoutingTest {
  static final String AUTH_DETAILS = "[{\"type\":\"workspace_permission\",\"object_type\":\"serving-endpoints\","
      + "\"object_path\":\"/serving-endpoints/ep-1\",\"actions\":[\"query_inference_endpoint\"]}]";

  @StartStop
  final MockWebServer workspace = new MockWebServer();
  @StartStop
  final MockWebServer dataPlane = new MockWebServer();

  final FakeSleeper sleeper = new FakeSleeper();
  final List<RecordedRequest> workspaceCalls = new CopyOnWriteArrayList<>();
  final List<RecordedRequest> dataPlaneCalls = new CopyOnWriteArrayList<>();
  final AtomicInteger mints = new AtomicInteger();
  volatile long expiresIn = 3600;
  volatile CountDownLatch mintGate = new CountDownLatch(0);
  volatile boolean refuseNextDataPlaneCall;
  DatabricksClient db;
  ServingClient serving;

  @BeforeEach
  void start() {
    workspace.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest r) throws InterruptedException {
        workspaceCalls.add(r);
        String path = r.getTarget();
        if (path.equals("/api/2.0/serving-endpoints/ep-1")) {
          return Wire.ok("{'name': 'ep-1', 'route_optimized': true, 'endpoint_url': '" + dataPlane.url("/ep-1/invocations")
              + "', 'data_plane_info': {'query_info': {'endpoint_url': '" + dataPlane.url("/ep-1/invocations")
              + "', 'authorization_details': '" + AUTH_DETAILS.replace("\"", "\\\"") + "'}}}");
        }
        if (path.equals("/api/2.0/serving-endpoints/plain")) {
          return Wire.ok("{'name': 'plain'}");
        }
        if (path.equals("/oidc/v1/token")) {
          mintGate.await(5, TimeUnit.SECONDS);
          int n = mints.incrementAndGet();
          return Wire.ok("{'access_token': 'dp-token-" + n + "', 'token_type': 'Bearer', 'expires_in': " + expiresIn + "}");
        }
        if (path.equals("/serving-endpoints/plain/invocations")) {
          return Wire.ok("{'predictions': [1]}");
        }
        return Wire.error(404, "{'error_code': 'NOT_FOUND', 'message': 'no route " + path + "'}");
      }
    });
    dataPlane.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest r) {
        dataPlaneCalls.add(r);
        if (refuseNextDataPlaneCall) {
          refuseNextDataPlaneCall = false;
          return Wire.error(401, "{'error_code': 'UNAUTHENTICATED', 'message': 'token expired'}");
        }
        return Wire.ok("{'predictions': [" + dataPlaneCalls.size() + "]}");
      }
    });
    db = TestClients.forUrl(workspace.url("/").toString(), sleeper);
    serving = ServingClient.create(db);
  }

  @AfterEach
  void stop() {
    db.close();
  }

  private static InvocationRequest input() {
    return InvocationRequest.dataframeRecords(List.of(Map.of("x", 1.0)));
  }

  private List<RecordedRequest> workspaceCallsTo(String path) {
    List<RecordedRequest> calls = new ArrayList<>();
    workspaceCalls.forEach(r -> {
      if (r.getTarget().equals(path)) {
        calls.add(r);
      }
    });
    return calls;
  }

  private static Map<String, String> form(RecordedRequest r) {
    Map<String, String> fields = new HashMap<>();
    for (String pair : r.getBody().utf8().split("&")) {
      int eq = pair.indexOf('=');
      fields.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
          URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return fields;
  }

  private void assertTokensNeverReachTheWorkspace() {
    for (RecordedRequest r : workspaceCalls) {
      String authorization = r.getHeaders().get("Authorization");
      assertTrue(authorization == null || authorization.equals("Bearer " + TestClients.TOKEN), r + ": " + authorization);
      assertFalse(r.getBody() != null && r.getBody().utf8().contains("dp-token"), r.toString());
    }
  }

  @Test
  void mintsOnceAndReusesTheTokenOnTheDataPlaneUrl() {
    InvocationResponse first = serving.query("ep-1", input());
    serving.query("ep-1", input());

    assertEquals(1.0, first.predictionsAsDoubles()[0]);
    assertEquals(1, workspaceCallsTo("/api/2.0/serving-endpoints/ep-1").size(), "the route is looked up once");
    List<RecordedRequest> mintCalls = workspaceCallsTo("/oidc/v1/token");
    assertEquals(1, mintCalls.size());
    RecordedRequest mint = mintCalls.get(0);
    assertEquals("POST", mint.getMethod());
    assertEquals("application/x-www-form-urlencoded", mint.getHeaders().get("Content-Type"));
    assertNull(mint.getHeaders().get("Authorization"), "the workspace token travels as the assertion only");
    assertEquals(Map.of("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer", "assertion", TestClients.TOKEN,
        "authorization_details", AUTH_DETAILS), form(mint));
    assertEquals(2, dataPlaneCalls.size());
    for (RecordedRequest call : dataPlaneCalls) {
      assertEquals("POST /ep-1/invocations", call.getMethod() + " " + call.getTarget());
      assertEquals("Bearer dp-token-1", call.getHeaders().get("Authorization"));
      assertEquals(Wire.tree("{'dataframe_records': [{'x': 1.0}]}"), Wire.bodyTree(call));
    }
    assertEquals(0, workspaceCallsTo("/serving-endpoints/ep-1/invocations").size());
    assertTokensNeverReachTheWorkspace();
  }

  @Test
  void renewsTheTokenShortlyBeforeItExpires() {
    expiresIn = 600;
    serving.query("ep-1", input());
    sleeper.clock().advance(Duration.ofSeconds(600 - 61));
    serving.query("ep-1", input());
    assertEquals(1, mints.get(), "still more than a minute to live: reused");

    sleeper.clock().advance(Duration.ofSeconds(2));
    serving.query("ep-1", input());

    assertEquals(2, mints.get(), "within a minute of expiry: renewed");
    assertEquals("Bearer dp-token-2", dataPlaneCalls.get(2).getHeaders().get("Authorization"));
    assertTokensNeverReachTheWorkspace();
  }

  @Test
  void concurrentCallsShareOneMint() throws Exception {
    mintGate = new CountDownLatch(1);
    serving.getEndpoint("ep-1"); // the route is known; the calls below race for the token
    List<CompletableFuture<InvocationResponse>> calls = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      calls.add(serving.queryAsync("ep-1", input()));
    }
    mintGate.countDown();

    for (CompletableFuture<InvocationResponse> call : calls) {
      call.get(10, TimeUnit.SECONDS);
    }
    assertEquals(1, mints.get());
    assertEquals(8, dataPlaneCalls.size());
    dataPlaneCalls.forEach(c -> assertEquals("Bearer dp-token-1", c.getHeaders().get("Authorization")));
  }

  @Test
  void aRefusedTokenIsReplacedAndTheCallSentOnceMore() {
    serving.query("ep-1", input());
    refuseNextDataPlaneCall = true;

    InvocationResponse answer = serving.query("ep-1", input());

    assertEquals(3.0, answer.predictionsAsDoubles()[0]);
    assertEquals(2, mints.get());
    assertEquals("Bearer dp-token-1", dataPlaneCalls.get(1).getHeaders().get("Authorization"));
    assertEquals("Bearer dp-token-2", dataPlaneCalls.get(2).getHeaders().get("Authorization"));
  }

  @Test
  void servedModelsAreCalledUnderTheDataPlaneUrl() {
    serving.query("ep-1", "model-a-1", input());

    assertEquals("POST /ep-1/served-models/model-a-1/invocations",
        dataPlaneCalls.get(0).getMethod() + " " + dataPlaneCalls.get(0).getTarget());
  }

  @Test
  void otherEndpointsStayOnTheWorkspacePathAfterOneLookup() {
    serving.query("plain", input());
    serving.query("plain", input());

    assertEquals(1, workspaceCallsTo("/api/2.0/serving-endpoints/plain").size());
    assertEquals(2, workspaceCallsTo("/serving-endpoints/plain/invocations").size());
    assertEquals(0, mints.get());
    assertEquals(0, dataPlaneCalls.size());
  }
}
