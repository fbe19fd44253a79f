package dev.kiln.core.auth;

import dev.kiln.core.error.DatabricksClientException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The one-shot HTTP listener on 127.0.0.1 the browser is redirected to with the authorization code.
 * Requests without {@code code} or {@code error} (a favicon) are answered 404 and the wait goes on.
 */
final class LoopbackRedirect implements AutoCloseable {
  private final ServerSocket socket;

  LoopbackRedirect(int port) {
    try {
      socket = new ServerSocket();
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    } catch (IOException e) {
      throw new DatabricksClientException("external-browser: cannot listen on 127.0.0.1:" + port
          + " for the login redirect: " + e.getMessage(), e);
    }
  }

  String redirectUri() {
    return "http://localhost:" + socket.getLocalPort();
  }

  /** Waits for the redirect and returns its query parameters. */
  Map<String, String> await(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      long left = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
      try {
        socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, left));
        try (Socket s = socket.accept()) {
          s.setSoTimeout(10_000);
          BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
          String line = in.readLine();
          Map<String, String> query = line == null ? Map.of() : query(line);
          boolean answer = query.containsKey("code") || query.containsKey("error");
          respond(s.getOutputStream(), answer ? 200 : 404, answer
              ? (query.containsKey("code") ? "Signed in to Databricks. You can close this tab." : "Sign-in failed. You can close this tab.")
              : "Not found");
          if (answer) {
            return query;
          }
        }
      } catch (SocketTimeoutException e) {
        throw new DatabricksClientException("external-browser: no sign-in came back within " + timeout.toSeconds() + " s");
      } catch (IOException e) {
        if (System.nanoTime() > deadline) {
          throw new DatabricksClientException("external-browser: no sign-in came back within " + timeout.toSeconds() + " s");
        }
        // a connection that broke off (a browser's speculative connect): wait for the next
      }
    }
  }

  private static Map<String, String> query(String requestLine) {
    String[] parts = requestLine.split(" ");
    Map<String, String> out = new HashMap<>();
    if (parts.length < 2 || parts[1].indexOf('?') < 0) {
      return out;
    }
    for (String kv : parts[1].substring(parts[1].indexOf('?') + 1).split("&")) {
      int eq = kv.indexOf('=');
      if (eq > 0) {
        out.put(URLDecoder.decode(kv.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return out;
  }

  private static void respond(OutputStream out, int status, String text) throws IOException {
    byte[] body = ("<!doctype html><html><body><p>" + text + "</p></body></html>").getBytes(StandardCharsets.UTF_8);
    String head = "HTTP/1.1 " + status + (status == 200 ? " OK" : " Not Found") + "\r\nContent-Type: text/html; charset=utf-8\r\n"
        + "Content-Length: " + body.length + "\r\nConnection: close\r\n\r\n";
    out.write(head.getBytes(StandardCharsets.US_ASCII));
    out.write(body);
    out.flush();
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException ignored) {
      // nothing to release beyond the socket
    }
  }
}
