package dev.kiln.serving;

import static dev.kiln.core.testing.Wire.expect;
import static dev.kiln.core.testing.Wire.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.core.ClientListener;
import dev.kiln.core.DatabricksClient;
import dev.kiln.core.RequestEvent;
import dev.kiln.core.error.InvalidRequestException;
import dev.kiln.core.error.OperationTimeoutException;
import dev.kiln.core.testing.FakeSleeper;
import dev.kiln.core.testing.TestClients;
import dev.kiln.serving.model.ChatMessage;
import dev.kiln.serving.model.ChatRequest;
import dev.kiln.serving.model.CreateEndpointRequest;
import dev.kiln.serving.model.EndpointReadyState;
import dev.kiln.serving.model.InvocationRequest;
import dev.kiln.serving.model.ServedEntityInput;
import dev.kiln.serving.model.ServingEndpoint;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** ServingClient follows the one client contract: construction, call shape, argument checks, handle. */
class ServingContractTest extends ServingTestBase {
  static final ChatRequest HELLO = ChatRequest.builder().addMessages(ChatMessage.user("Hello")).build();

  // ---- options -------------------------------------------------------------------------------

  @Test
  void optionDefaultsPollAt500msGrowingTo10s() {
    ServingOptions d = ServingOptions.defaults();
    assertEquals(Duration.ofMillis(500), d.pollInitialDelay());
    assertEquals(Duration.ofSeconds(10), d.pollMaxDelay());
    assertEquals(1.25, d.pollMultiplier());
    assertEquals(Duration.ofMinutes(30), d.deploymentTimeout());
    assertEquals(d.toString(), d.toBuilder().build().toString());
    assertSame(d, ServingClient.create(db).options());
  }

  @Test
  void optionsAreValidatedWhenSetNamingTheKnob() {
    IllegalArgumentException tooFast = assertThrows(IllegalArgumentException.class,
        () -> ServingOptions.builder().pollInitialDelay(Duration.ofMillis(100)));
    assertTrue(tooFast.getMessage().contains("pollInitialDelay"), tooFast.getMessage());
    assertThrows(IllegalArgumentException.class, () -> ServingOptions.builder().pollMaxDelay(Duration.ofMillis(499)));
    assertThrows(IllegalArgumentException.class, () -> ServingOptions.builder().pollMultiplier(0.9));
    assertThrows(IllegalArgumentException.class, () -> ServingOptions.builder().deploymentTimeout(Duration.ZERO));
    IllegalArgumentException inverted = assertThrows(IllegalArgumentException.class,
        () -> ServingOptions.builder().pollInitialDelay(Duration.ofSeconds(20)).build());
    assertTrue(inverted.getMessage().contains("pollMaxDelay"), inverted.getMessage());
    assertThrows(InvalidRequestException.class, () -> ServingClient.create(db, null));
    assertThrows(InvalidRequestException.class, () -> ServingClient.create(null));
  }

  private static String state(String ready, String update) {
    return "{'name': 'fc', 'state': {'ready': '" + ready + "', 'config_update': '" + update + "'}}";
  }

  @Test
  void endpointPollsFollowTheOptions() {
    ServingClient custom = ServingClient.create(db, ServingOptions.builder()
        .pollInitialDelay(Duration.ofSeconds(1)).pollMultiplier(2).pollMaxDelay(Duration.ofSeconds(3)).build());
    for (int i = 0; i < 4; i++) {
      server.enqueue(ok(state("NOT_READY", "IN_PROGRESS")));
    }
    server.enqueue(ok(state("READY", "NOT_UPDATING")));

    custom.waitUntilReady("fc").await();

    assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(3), Duration.ofSeconds(3),
        Duration.ofSeconds(3)), sleeper.sleeps());
  }

  @Test
  void aDeploymentNotReadyWithinTheTimeoutFailsTypedAndSendsNothingElse() {
    ServingClient custom = ServingClient.create(db, ServingOptions.builder().deploymentTimeout(Duration.ofSeconds(2)).build());
    for (int i = 0; i < 10; i++) {
      server.enqueue(ok(state("NOT_READY", "IN_PROGRESS")));
    }

    EndpointHandle handle = custom.waitUntilReady("fc");

    assertThrows(OperationTimeoutException.class, handle::await);
    // 500 + 625 + 781 ms, then the 94 ms left: four polls, all GETs (a deployment cannot be cancelled)
    assertEquals(4, server.getRequestCount());
    for (int i = 0; i < 4; i++) {
      expect(server, "GET", "/api/2.0/serving-endpoints/fc");
    }
  }

  // ---- handle ---------------------------------------------------------------------------------

  @Test
  void handleIdIsTheNameAndStatusIsStateReadyTypedAndRaw() {
    server.enqueue(ok(state("NOT_READY", "NOT_UPDATING")));  // the POST
    server.enqueue(ok(state("WARMING_UP", "IN_PROGRESS")));  // a value this SDK does not know
    server.enqueue(ok(state("READY", "NOT_UPDATING")));
    sleeper.hold();

    EndpointHandle handle = serving.createEndpoint(CreateEndpointRequest.builder().name("fc")
        .addServedEntities(ServedEntityInput.builder().entityName("main.fin.m").build()).build());

    assertEquals("fc", handle.id());
    assertEquals(EndpointReadyState.NOT_READY, handle.status());
    assertEquals(Optional.of("NOT_READY"), handle.rawStatus());
    ServingEndpoint polled = handle.poll();
    assertEquals(Optional.of("WARMING_UP"), polled.rawReady());
    assertEquals(EndpointReadyState.UNKNOWN, handle.status());
    assertEquals(Optional.of("WARMING_UP"), handle.rawStatus());
    assertThrows(OperationTimeoutException.class, () -> handle.await(Duration.ZERO));
    assertFalse(handle.isDone(), "a timed-out wait leaves the deployment being watched");
    assertThrows(InvalidRequestException.class, () -> handle.await(Duration.ofSeconds(-1)));
    assertThrows(UnsupportedOperationException.class, handle::cancel);

    sleeper.releaseAll();
    assertEquals(EndpointReadyState.READY, handle.await(Duration.ofSeconds(10)).ready());
    assertEquals(EndpointReadyState.READY, handle.status());
  }

  @Test
  void listenersHearAChangeOfEitherHalfOfTheState() throws Exception {
    server.enqueue(ok(state("NOT_READY", "NOT_UPDATING")));
    server.enqueue(ok(state("NOT_READY", "IN_PROGRESS")));  // only config_update changes
    server.enqueue(ok(state("NOT_READY", "IN_PROGRESS")));  // no change
    server.enqueue(ok(state("READY", "NOT_UPDATING")));
    List<String> seen = Collections.synchronizedList(new ArrayList<>());
    sleeper.hold(); // each poll waits for the test, so the listener is in place before the first

    EndpointHandle handle = serving.createEndpoint(CreateEndpointRequest.builder().name("fc")
        .addServedEntities(ServedEntityInput.builder().entityName("main.fin.m").build()).build());
    handle.addListener(e -> seen.add(e.rawReady().orElse("?") + "/" + e.rawConfigUpdate().orElse("?")));
    for (int n = 1; n <= 3; n++) {
      sleeper.awaitSleeps(n);
      sleeper.releaseAll();
    }
    handle.await(Duration.ofSeconds(10));

    assertEquals(List.of("NOT_READY/NOT_UPDATING", "NOT_READY/IN_PROGRESS", "READY/NOT_UPDATING"), seen);
  }

  // ---- arguments --------------------------------------------------------------------------------

  @Test
  void nullArgumentsAreRejectedByNameNotWithABareNullPointer() {
    InvalidRequestException request = assertThrows(InvalidRequestException.class, () -> serving.chat("llama", null));
    assertTrue(request.getMessage().contains("request"), request.getMessage());
    InvalidRequestException name = assertThrows(InvalidRequestException.class, () -> serving.chat(null, HELLO));
    assertTrue(name.getMessage().contains("name"), name.getMessage());
    assertThrows(InvalidRequestException.class, () -> serving.chatStream("llama", null));
    assertThrows(InvalidRequestException.class, () -> serving.createEndpoint(null));
    assertThrows(InvalidRequestException.class, () -> serving.waitUntilReady(null));
    InvalidRequestException onChunk = assertFailsWith(serving.chatStreamAsync("llama", HELLO, null));
    assertTrue(onChunk.getMessage().contains("onChunk"), onChunk.getMessage());
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void dotSegmentsAndOverlongNamesNeverReachTheWire() {
    for (String bad : List.of(".", "..", " ", "e".repeat(64))) {
      assertThrows(InvalidRequestException.class, () -> serving.getEndpoint(bad), bad);
      assertThrows(InvalidRequestException.class, () -> serving.chat(bad, HELLO), bad);
      assertThrows(InvalidRequestException.class, () -> serving.chatStream(bad, HELLO), bad);
      assertThrows(InvalidRequestException.class, () -> serving.deleteEndpoint(bad), bad);
      assertFailsWith(serving.queryAsync(bad, InvocationRequest.instances(List.of(1))));
    }
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void namesGoIntoThePathAsOneEncodedSegmentAndListenersSeeTheTemplate() throws Exception {
    List<String> templates = Collections.synchronizedList(new ArrayList<>());
    try (DatabricksClient client = TestClients.builder(server.url("/").toString(), new FakeSleeper())
        .listener(new ClientListener() {
          @Override
          public void requestSent(RequestEvent event) {
            templates.add(event.method() + " " + event.pathTemplate());
          }
        })
        .build()) {
      ServingClient s = ServingClient.create(client, ServingOptions.builder().dataPlaneRouting(false).build());
      server.enqueue(ok("{'choices': []}"));
      server.enqueue(ok("{'name': 'a/b c'}"));

      s.chat("a/b c", HELLO);
      s.getOpenApiAsync("a/b c").get(10, TimeUnit.SECONDS);

      expect(server, "POST", "/serving-endpoints/a%2Fb%20c/invocations");
      expect(server, "GET", "/api/2.0/serving-endpoints/a%2Fb%20c/openapi");
      assertEquals(List.of("POST /serving-endpoints/{name}/invocations", "GET /api/2.0/serving-endpoints/{name}/openapi"),
          templates);
    }
  }

  // ---- call shape -----------------------------------------------------------------------------

  /** Every remote call has an async twin, and async methods never throw, whatever the input. */
  @Test
  void everyAsyncMethodFailsItsFutureInsteadOfThrowing() throws Exception {
    List<String> checked = new ArrayList<>();
    for (Method m : ServingClient.class.getMethods()) {
      if (!m.getName().endsWith("Async") || Modifier.isStatic(m.getModifiers())) {
        continue;
      }
      String blocking = m.getName().substring(0, m.getName().length() - "Async".length());
      if (!blocking.equals("chatStream")) { // its blocking twin returns a Stream instead of taking a consumer
        Method twin = ServingClient.class.getMethod(blocking, m.getParameterTypes());
        assertNotNull(twin, m.getName());
      }
      if (m.getParameterCount() == 0) {
        continue;
      }
      Object[] nulls = new Object[m.getParameterCount()];
      CompletableFuture<?> f;
      try {
        f = (CompletableFuture<?>) m.invoke(serving, nulls);
      } catch (InvocationTargetException threw) {
        throw new AssertionError(m.getName() + " threw " + threw.getCause(), threw.getCause());
      }
      assertFailsWith(f);
      checked.add(m.getName());
    }
    assertTrue(checked.containsAll(List.of("getEndpointAsync", "getOpenApiAsync", "createEndpointAsync", "deleteEndpointAsync",
        "queryAsync", "chatAsync", "completionsAsync", "embeddingsAsync", "chatStreamAsync")), checked.toString());
    for (String blocking : List.of("listEndpoints", "getEndpoint", "getOpenApi", "createEndpoint", "deleteEndpoint",
        "query", "chat", "completions", "embeddings")) {
      assertTrue(Arrays.stream(ServingClient.class.getMethods()).anyMatch(m -> m.getName().equals(blocking + "Async")),
          blocking + " has an async twin");
    }
    assertEquals(0, server.getRequestCount());
  }

  private static InvalidRequestException assertFailsWith(CompletableFuture<?> f) {
    ExecutionException e = assertThrows(ExecutionException.class, () -> f.get(10, TimeUnit.SECONDS));
    assertTrue(e.getCause() instanceof InvalidRequestException, String.valueOf(e.getCause()));
    return (InvalidRequestException) e.getCause();
  }
}
