package dev.kiln.core.auth;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A forward HTTP proxy on loopback, just enough for tests: absolute-form requests with a Content-Length
 * body, optional Basic proxy authentication (407 until the right {@code Proxy-Authorization} comes), and
 * every target reached at 127.0.0.1 on the URL's port, so a host name that cannot resolve proves the
 * request came through here.
 */
final class TinyProxy implements AutoCloseable {
  private final ServerSocket server;
  private final String requiredAuthorization;
  private final List<String> forwarded = new ArrayList<>();
  private final List<Socket> open = new ArrayList<>();
  final AtomicInteger challenges = new AtomicInteger();

  /** {@code requiredAuthorization} e.g. {@code Basic dXNlcjpwYXNz}, or null for an open proxy. */
  TinyProxy(String requiredAuthorization) throws IOException {
    this.requiredAuthorization = requiredAuthorization;
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(this::acceptLoop, "tiny-proxy");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  int port() {
    return server.getLocalPort();
  }

  /** Request lines forwarded, e.g. {@code GET http://storage.invalid:123/x HTTP/1.1}. */
  List<String> forwarded() {
    synchronized (forwarded) {
      return List.copyOf(forwarded);
    }
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket s = server.accept();
        synchronized (open) {
          open.add(s);
        }
        Thread t = new Thread(() -> serve(s), "tiny-proxy-conn");
        t.setDaemon(true);
        t.start();
      } catch (IOException closed) {
        return;
      }
    }
  }

  private void serve(Socket client) {
    try (client) {
      InputStream in = client.getInputStream();
      OutputStream out = client.getOutputStream();
      while (true) {
        Message request = Message.read(in);
        if (request == null) {
          return;
        }
        if (requiredAuthorization != null && !requiredAuthorization.equals(request.headers.get("proxy-authorization"))) {
          challenges.incrementAndGet();
          out.write(("HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"tiny\"\r\n"
              + "Content-Length: 0\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
          out.flush();
          continue;
        }
        synchronized (forwarded) {
          forwarded.add(request.startLine);
        }
        String[] parts = request.startLine.split(" ");
        URI target = URI.create(parts[1]);
        try (Socket upstream = new Socket(InetAddress.getLoopbackAddress(), target.getPort())) {
          StringBuilder head = new StringBuilder(parts[0] + " " + target.getRawPath()
              + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery()) + " HTTP/1.1\r\n");
          request.headers.forEach((k, v) -> {
            if (!k.startsWith("proxy-") && !k.equals("connection")) {
              head.append(k).append(": ").append(v).append("\r\n");
            }
          });
          head.append("connection: close\r\n\r\n");
          OutputStream up = upstream.getOutputStream();
          up.write(head.toString().getBytes(StandardCharsets.US_ASCII));
          up.write(request.body);
          up.flush();
          Message response = Message.read(upstream.getInputStream());
          StringBuilder back = new StringBuilder(response.startLine + "\r\n");
          response.headers.forEach((k, v) -> {
            if (!k.equals("connection")) {
              back.append(k).append(": ").append(v).append("\r\n");
            }
          });
          back.append("\r\n");
          out.write(back.toString().getBytes(StandardCharsets.US_ASCII));
          out.write(response.body);
          out.flush();
        }
      }
    } catch (IOException e) {
      // the client went away
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
    synchronized (open) {
      for (Socket s : open) {
        s.close();
      }
    }
  }

  /** A request or response: start line, headers (lower-case names), Content-Length body. */
  private static final class Message {
    final String startLine;
    final Map<String, String> headers;
    final byte[] body;

    private Message(String startLine, Map<String, String> headers, byte[] body) {
      this.startLine = startLine;
      this.headers = headers;
      this.body = body;
    }

    static Message read(InputStream in) throws IOException {
      String start = line(in);
      if (start == null || start.isEmpty()) {
        return null;
      }
      Map<String, String> headers = new LinkedHashMap<>();
      String h;
      while ((h = line(in)) != null && !h.isEmpty()) {
        int colon = h.indexOf(':');
        headers.put(h.substring(0, colon).strip().toLowerCase(Locale.ROOT), h.substring(colon + 1).strip());
      }
      int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
      byte[] body = in.readNBytes(length);
      return new Message(start, headers, body);
    }

    private static String line(InputStream in) throws IOException {
      ByteArrayOutputStream b = new ByteArrayOutputStream();
      int c;
      while ((c = in.read()) != -1) {
        if (c == '\n') {
          String s = b.toString(StandardCharsets.US_ASCII);
          return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
        }
        b.write(c);
      }
      return b.size() == 0 ? null : b.toString(StandardCharsets.US_ASCII);
    }
  }
}
