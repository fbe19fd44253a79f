package dev.kiln.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.core.ClientListener;
import dev.kiln.core.DatabricksClient;
import dev.kiln.core.RequestEvent;
import dev.kiln.core.auth.Credentials;
import dev.kiln.emulator.LocalWorkspace;
import dev.kiln.serving.ServingClient;
import dev.kiln.serving.model.CreateEndpointRequest;
import dev.kiln.serving.model.InvocationRequest;
import dev.kiln.serving.model.InvocationResponse;
import dev.kiln.serving.model.ServedEntityInput;
import dev.kiln.serving.model.ServingEndpoint;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A route-optimized endpoint on the emulator: reachable only on its data-plane URL with its minted token. */
class ServingDataPlaneEndToEndTest {
  static final SteppedClock CLOCK = new SteppedClock(Instant.parse("2026-03-01T08:00:00Z"));
  static LocalWorkspace ws;
  static DatabricksClient db;
  static final List<String> sent = new CopyOnWriteArrayList<>();
  static ServingClient serving;

  @BeforeAll
  static void start() {
    ws = LocalWorkspace.builder().clock(CLOCK).servingEndpointStartTime(Duration.ZERO)
        .servingDataPlaneTokenLifetime(Duration.ofMinutes(10)).start();
    db = DatabricksClient.builder().host(ws.host()).credentials(Credentials.personalAccessToken(ws.token()))
        .clock(CLOCK)
        .listener(new ClientListener() {
          @Override
          public void requestSent(RequestEvent event) {
            sent.add(event.method() + " " + event.pathTemplate());
          }
        })
        .build();
    serving = ServingClient.create(db);
    serving.createEndpoint(CreateEndpointRequest.builder().name("fast-echo").routeOptimized(true)
        .addServedEntities(ServedEntityInput.builder().entityName("system.ai.echo").entityVersion("1").build())
        .build()).await(Duration.ofSeconds(20));
  }

  @AfterAll
  static void stop() {
    db.close();
    ws.close();
  }

  private static long count(String request) {
    return sent.stream().filter(request::equals).count();
  }

  private static int post(String url, String authorization) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url))
        .POST(HttpRequest.BodyPublishers.ofString("{\"inputs\": [1]}")).header("Content-Type", "application/json");
    if (authorization != null) {
      b.header("Authorization", authorization);
    }
    return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  @Test
  void invocationsGoToTheDataPlaneWithOneMintedTokenRenewedBeforeExpiry() {
    ServingEndpoint endpoint = serving.getEndpoint("fast-echo");
    String url = endpoint.endpointUrl().orElseThrow();
    assertTrue(url.contains("/dataplane/serving-endpoints/fast-echo/invocations"), url);
    long mintsBefore = count("POST /oidc/v1/token");

    InvocationResponse first = serving.query("fast-echo", InvocationRequest.inputs(List.of(Map.of("x", 1))));
    serving.query("fast-echo", InvocationRequest.inputs(List.of(Map.of("x", 2))));
    assertEquals(1, count("POST /oidc/v1/token") - mintsBefore, "one mint for both calls");
    assertTrue(first.json().size() > 0);

    CLOCK.advance(Duration.ofMinutes(9).plusSeconds(30)); // within a minute of the 10-minute lifetime
    serving.query("fast-echo", InvocationRequest.inputs(List.of(Map.of("x", 3))));
    assertEquals(2, count("POST /oidc/v1/token") - mintsBefore, "renewed before it expired");
    assertEquals(0, count("POST /serving-endpoints/{name}/invocations"), "never the workspace path");
  }

  @Test
  void theEndpointRefusesTheWorkspaceTokenAndTheWorkspacePath() throws Exception {
    String url = serving.getEndpoint("fast-echo").endpointUrl().orElseThrow();

    assertEquals(401, post(url, "Bearer " + ws.token()));
    assertEquals(401, post(url, null));
    assertEquals(400, post(ws.host() + "/serving-endpoints/fast-echo/invocations", "Bearer " + ws.token()));
  }

  @Test
  void tagsAndLogsOfTheEndpoint() {
    List<dev.kiln.serving.model.EndpointTag> tags = serving.updateTags("fast-echo",
        List.of(dev.kiln.serving.model.EndpointTag.of("team", "tax")), List.of());
    assertEquals("team", tags.get(0).key());
    assertTrue(serving.updateTags("fast-echo", List.of(), List.of("team")).isEmpty());
    String model = serving.getEndpoint("fast-echo").config().orElseThrow().servedEntities().get(0).name().orElseThrow();
    assertTrue(serving.buildLogs("fast-echo", model).contains(model));
    assertTrue(serving.logs("fast-echo", model).contains(model));
  }

  /** A clock the test moves (the workspace and the client share it). */
  static final class SteppedClock extends Clock {
    private volatile Instant now;

    SteppedClock(Instant start) {
      this.now = start;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
