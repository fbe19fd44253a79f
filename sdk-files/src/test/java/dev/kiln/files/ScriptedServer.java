package dev.kiln.files;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A socket-level HTTP/1.1 server for what MockWebServer cannot script: a body cut off mid-way, or a
 * request body left unread. Each connection gets the next handler in order; it is closed afterwards.
 */
final class ScriptedServer implements AutoCloseable {
  /** One request's line and headers (names lower-cased); the body is left for the handler. */
  static final class Head {
    final String line;
    final Map<String, String> headers;

    Head(String line, Map<String, String> headers) {
      this.line = line;
      this.headers = headers;
    }
  }

  @FunctionalInterface
  interface Handler {
    void handle(Head head, InputStream in, OutputStream out) throws IOException;
  }

  private final ServerSocket socket;
  private final List<Handler> handlers;
  final List<Head> requests = new CopyOnWriteArrayList<>();
  private final Thread thread;

  ScriptedServer(Handler... handlers) throws IOException {
    this.socket = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
    this.handlers = List.of(handlers);
    this.thread = new Thread(this::serve, "scripted-server");
    thread.setDaemon(true);
    thread.start();
  }

  String url() {
    return "http://127.0.0.1:" + socket.getLocalPort() + "/";
  }

  private void serve() {
    for (Handler handler : handlers) {
      try (Socket s = socket.accept()) {
        InputStream in = s.getInputStream();
        Head head = readHead(in);
        requests.add(head);
        handler.handle(head, in, s.getOutputStream());
      } catch (IOException e) {
        if (socket.isClosed()) {
          return;
        }
      }
    }
  }

  private static Head readHead(InputStream in) throws IOException {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    int matched = 0;
    while (matched < 4) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("eof in head");
      }
      buf.write(b);
      matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
    }
    String[] lines = buf.toString(StandardCharsets.ISO_8859_1).split("\r\n");
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon > 0) {
        headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
      }
    }
    return new Head(lines[0], headers);
  }

  /** Reads a chunked request body to its end and returns its length. */
  static long drainChunked(InputStream in) throws IOException {
    return drainChunked(in, received -> { });
  }

  /** As {@link #drainChunked(InputStream)}, telling {@code progress} the bytes received after every read. */
  static long drainChunked(InputStream in, java.util.function.LongConsumer progress) throws IOException {
    long total = 0;
    while (true) {
      StringBuilder line = new StringBuilder();
      int b;
      while ((b = in.read()) != '\n') {
        if (b < 0) {
          throw new IOException("eof in chunk size");
        }
        if (b != '\r') {
          line.append((char) b);
        }
      }
      int semi = line.indexOf(";");
      long size = Long.parseLong((semi < 0 ? line.toString() : line.substring(0, semi)).trim(), 16);
      if (size == 0) {
        in.read(); // the CRLF after the last chunk (no trailers)
        in.read();
        return total;
      }
      long left = size;
      byte[] buf = new byte[8192];
      while (left > 0) {
        int n = in.read(buf, 0, (int) Math.min(buf.length, left));
        if (n < 0) {
          throw new IOException("eof in chunk");
        }
        left -= n;
        progress.accept(total + size - left);
      }
      total += size;
      in.read(); // CRLF
      in.read();
    }
  }

  static void writeHead(OutputStream out, String status, Map<String, String> headers) throws IOException {
    StringBuilder sb = new StringBuilder("HTTP/1.1 ").append(status).append("\r\nConnection: close\r\n");
    headers.forEach((k, v) -> sb.append(k).append(": ").append(v).append("\r\n"));
    sb.append("\r\n");
    out.write(sb.toString().getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
  }

  @Override
  public void close() throws IOException {
    socket.close();
    try {
      thread.join(5000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
