package dev.kiln.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** {@code Fault.cutBetweenEvents(n)}: a streamed chat reply ends after n whole events, then the connection drops. */
class SseCutFaultTest {
  private static final String CHAT = "/serving-endpoints/databricks-llama/invocations";
  private static final String BODY = "{\"messages\":[{\"role\":\"user\",\"content\":\"one two three four five six\"}],"
      + "\"stream\":true}";

  @Test
  void aStreamIsCutBetweenTwoEventsAndTheClientSeesTheDrop() throws Exception {
    try (LocalWorkspace ws = LocalWorkspace.start()) {
      HttpClient http = HttpClient.newHttpClient();
      String whole = new String(stream(http, ws, null), StandardCharsets.UTF_8);
      int events = whole.split("\n\n", -1).length - 1;
      assertTrue(events > 3, "the echo reply streams several events: " + whole);

      ws.faults().inject(Fault.cutBetweenEvents(2).on("POST", CHAT).times(1));
      ByteArrayOutputStream got = new ByteArrayOutputStream();
      assertThrows(IOException.class, () -> stream(http, ws, got));
      String cut = got.toString(StandardCharsets.UTF_8);
      assertEquals(normal(whole.substring(0, nthEventEnd(whole, 2))), normal(cut), "exactly the first two events, whole");

      String again = new String(stream(http, ws, null), StandardCharsets.UTF_8);
      assertEquals(normal(whole), normal(again), "the fault fired once");
    }
  }

  @Test
  void eventsMustNotBeNegative() {
    assertThrows(IllegalArgumentException.class, () -> Fault.cutBetweenEvents(-1));
  }

  /** The streamed body; bytes read before a failure go to {@code partial} when given. */
  private static byte[] stream(HttpClient http, LocalWorkspace ws, ByteArrayOutputStream partial) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(java.net.URI.create(ws.host() + CHAT))
        .header("Authorization", "Bearer " + ws.token())
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(BODY))
        .build();
    HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
    assertEquals(200, response.statusCode());
    ByteArrayOutputStream out = partial != null ? partial : new ByteArrayOutputStream();
    try (InputStream in = response.body()) {
      byte[] buf = new byte[64];
      int n;
      while ((n = in.read(buf)) >= 0) {
        out.write(buf, 0, n);
      }
    }
    return out.toByteArray();
  }

  /** Each reply has its own id and creation time. */
  private static String normal(String events) {
    return events.replaceAll("\"id\":\"[^\"]*\"", "\"id\":\"*\"").replaceAll("\"created\":\\d+", "\"created\":0");
  }

  private static int nthEventEnd(String body, int n) {
    int end = 0;
    for (int i = 0; i < n; i++) {
      end = body.indexOf("\n\n", end) + 2;
    }
    return end;
  }
}
