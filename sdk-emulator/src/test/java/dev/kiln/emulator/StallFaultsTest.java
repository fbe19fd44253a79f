package dev.kiln.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Connections closed or stalled before or after the headers, without holding a server thread. */
class StallFaultsTest {
  private static final String WAREHOUSES = "/api/2.0/sql/warehouses";
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private static HttpRequest get(LocalWorkspace ws, Duration timeout) {
    return get(ws, WAREHOUSES, timeout);
  }

  private static HttpRequest get(LocalWorkspace ws, String path, Duration timeout) {
    return HttpRequest.newBuilder(URI.create(ws.host() + path)).timeout(timeout)
        .header("Authorization", "Bearer " + ws.token()).GET().build();
  }

  @Test
  void closeBeforeHeadersIsAnEmptyReply() throws Exception {
    try (LocalWorkspace ws = LocalWorkspace.start()) {
      // Unlimited: the JDK client retries a GET once on a connection closed before any reply.
      InjectedFault fault = ws.faults().inject(Fault.closeBeforeHeaders().on("GET", WAREHOUSES));
      assertThrows(IOException.class, () -> HTTP.send(get(ws, Duration.ofSeconds(10)), HttpResponse.BodyHandlers.ofString()));
      assertTrue(fault.hits() >= 1);
      fault.remove();
      assertEquals(200, HTTP.send(get(ws, Duration.ofSeconds(10)), HttpResponse.BodyHandlers.ofString()).statusCode());
    }
  }

  @Test
  void stallsHoldNoServerThread() throws Exception {
    // One server thread: if a stall held it, the second request could not be answered in time.
    try (LocalWorkspace ws = LocalWorkspace.builder().serverThreads(1).start()) {
      String one = WAREHOUSES + "/" + ws.defaultWarehouseId();
      ws.faults().inject(Fault.stallBeforeHeaders(Duration.ofSeconds(20)).onPathMatching("GET", WAREHOUSES));
      ws.faults().inject(Fault.stallAfterHeaders(Duration.ofSeconds(20)).onPathMatching("GET", one));
      var stalled = HTTP.sendAsync(get(ws, Duration.ofSeconds(30)), HttpResponse.BodyHandlers.ofString());
      var headersOnly = HTTP.sendAsync(get(ws, one, Duration.ofSeconds(30)), HttpResponse.BodyHandlers.ofInputStream());

      HttpResponse<InputStream> started = headersOnly.get(10, java.util.concurrent.TimeUnit.SECONDS);
      assertEquals(200, started.statusCode());
      assertTrue(started.headers().firstValueAsLong("Content-Length").orElse(0) > 0);
      HttpResponse<String> other = HTTP.send(
          get(ws, "/api/2.0/sql/statements/none", Duration.ofSeconds(5)), HttpResponse.BodyHandlers.ofString());
      assertEquals(404, other.statusCode()); // answered at once while both stalls go on
      assertTrue(!stalled.isDone(), "no byte before the stall ends");
      stalled.cancel(true);
      started.body().close();
    }
  }

  @Test
  void aSlowBodyHoldsNoServerThreadAndArrivesWhole() throws Exception {
    try (LocalWorkspace ws = LocalWorkspace.builder().serverThreads(1).start()) {
      String discovery = "/oidc/.well-known/oauth-authorization-server";
      String whole = HTTP.send(get(ws, discovery, Duration.ofSeconds(10)), HttpResponse.BodyHandlers.ofString()).body();
      assertTrue(whole.length() > 256, "several pieces: " + whole.length());
      // A 20 s pause between pieces: were the one server thread held, the next request would time out.
      ws.faults().inject(Fault.slowBody(Duration.ofSeconds(20)).on("GET", discovery).times(1));
      HttpResponse<InputStream> slow = HTTP.sendAsync(get(ws, discovery, Duration.ofSeconds(60)),
          HttpResponse.BodyHandlers.ofInputStream()).get(30, java.util.concurrent.TimeUnit.SECONDS);
      assertEquals(200, slow.statusCode());
      assertEquals(200, HTTP.send(get(ws, Duration.ofSeconds(5)), HttpResponse.BodyHandlers.ofString()).statusCode());
      slow.body().close();

      ws.faults().inject(Fault.slowBody(Duration.ofMillis(20)).on("GET", discovery).times(1));
      assertEquals(whole, HTTP.send(get(ws, discovery, Duration.ofSeconds(30)), HttpResponse.BodyHandlers.ofString()).body());
    }
  }

  @Test
  void aStallBeforeHeadersEndsInTheClientsTimeoutThenAClose() {
    try (LocalWorkspace ws = LocalWorkspace.start()) {
      InjectedFault fault = ws.faults().inject(Fault.stallBeforeHeaders(Duration.ofMillis(300)).on("GET", WAREHOUSES));
      assertThrows(HttpTimeoutException.class,
          () -> HTTP.send(get(ws, Duration.ofMillis(100)), HttpResponse.BodyHandlers.ofString()));
      IOException closed = assertThrows(IOException.class,
          () -> HTTP.send(get(ws, Duration.ofSeconds(10)), HttpResponse.BodyHandlers.ofString()));
      assertTrue(!(closed instanceof HttpTimeoutException), closed.toString());
      fault.remove();
    }
  }
}
