package dev.kiln.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A reset fault ends the connection with a TCP RST (the client's read fails with "connection reset"), where
 * the other drops end it with a FIN (the client reads end-of-stream), on the workspace and on the storage port.
 * A plain socket tells the two apart; HTTP clients often report both as an I/O error.
 */
class ConnectionResetTest {
  static LocalWorkspace ws;

  @BeforeAll
  static void start() {
    ws = LocalWorkspace.start();
  }

  @AfterEach
  void clearFaults() {
    ws.faults().clear();
  }

  @AfterAll
  static void stop() {
    ws.close();
  }

  @Test
  void aResetMidBodyIsATcpResetAfterHalfTheBody() throws IOException {
    String path = "/api/2.0/sql/warehouses";
    int whole = exchange(ws.host(), path, true).body.length;
    ws.faults().inject(Fault.resetMidBody().on("GET", path).times(1));

    Exchange cut = exchange(ws.host(), path, true);

    assertTrue(cut.reset, "the connection ended with a RST, not a FIN");
    assertTrue(cut.headers.startsWith("HTTP/1.1 200"), cut.headers);
    assertEquals(whole / 2, cut.body.length, "every byte sent before the reset arrives first");
    assertEquals(whole, exchange(ws.host(), path, true).body.length, "the next request is answered whole");
  }

  @Test
  void presignedDownloadsOnTheStoragePortAreResetToo() throws IOException {
    JsonNode statement = new Wire(ws).execute(Wire.statement(ws, "SELECT id FROM range(1000)")
        .put("disposition", "EXTERNAL_LINKS"));
    URI link = URI.create(statement.at("/result/external_links/0/external_link").asText());
    String pathAndQuery = link.getRawPath() + "?" + link.getRawQuery();
    ws.faults().inject(Fault.resetMidBody().on("GET", link.getRawPath()).times(1));

    Exchange cut = exchange(ws.storageHost(), pathAndQuery, false);
    Exchange retried = exchange(ws.storageHost(), pathAndQuery, false);

    assertTrue(cut.reset, "a reset on the storage port");
    assertTrue(retried.body.length > 0 && !retried.reset, "then the whole chunk: " + retried.body.length);
    assertEquals(retried.body.length / 2, cut.body.length);
  }

  @Test
  void otherDropsEndWithAFin() throws IOException {
    String path = "/api/2.0/sql/warehouses";
    ws.faults().inject(Fault.cutBetweenEvents(0).on("GET", path).times(1));

    Exchange cut = exchange(ws.host(), path, true);

    assertTrue(!cut.reset && cut.body.length > 0, "end of stream after part of the body");
    assertTrue(cut.headers.startsWith("HTTP/1.1 200"), cut.headers);
  }

  /** What a raw HTTP/1.1 GET read until the connection ended. */
  private static final class Exchange {
    String headers = "";
    byte[] body = new byte[0];
    boolean reset;
  }

  private static Exchange exchange(String base, String pathAndQuery, boolean withToken) throws IOException {
    URI uri = URI.create(base);
    Exchange result = new Exchange();
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 5_000);
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(("GET " + pathAndQuery + " HTTP/1.1\r\nHost: " + uri.getAuthority() + "\r\n"
          + (withToken ? "Authorization: Bearer " + ws.token() + "\r\n" : "")
          + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      out.flush();
      ByteArrayOutputStream received = new ByteArrayOutputStream();
      InputStream in = socket.getInputStream();
      byte[] buffer = new byte[8192];
      try {
        for (int n; (n = in.read(buffer)) >= 0; ) {
          received.write(buffer, 0, n);
        }
      } catch (SocketException e) {
        assertTrue(e.getMessage().toLowerCase().contains("reset"), e.toString());
        result.reset = true;
      }
      byte[] all = received.toByteArray();
      String text = new String(all, StandardCharsets.ISO_8859_1);
      int end = text.indexOf("\r\n\r\n");
      assertTrue(end > 0, "headers arrived: " + text);
      result.headers = text.substring(0, end);
      result.body = java.util.Arrays.copyOfRange(all, end + 4, all.length);
    }
    return result;
  }
}
