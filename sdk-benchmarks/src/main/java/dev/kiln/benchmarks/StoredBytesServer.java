package dev.kiln.benchmarks;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A minimal keep-alive HTTP/1.1 server on 127.0.0.1 for answers that are already bytes in memory: one thread
 * per connection reads the request head (and a {@code Content-Length} body), asks the handler, and writes the
 * status line, two headers and the body. Serving then costs little more than the copy to the socket, as object
 * storage costs a client nothing; the JDK {@code HttpServer} ({@link LoopbackServer}) formats a date and walks
 * filters and streams per answer, which on 2 cores took as much CPU as the reader being measured. No chunked
 * requests, no pipelining, no TLS: the benchmark's own clients need none.
 */
final class StoredBytesServer implements AutoCloseable {
  /** The answer to one request. */
  static final class Answer {
    final int status;
    final String contentType;
    final byte[] body;

    Answer(int status, String contentType, byte[] body) {
      this.status = status;
      this.contentType = contentType;
      this.body = body;
    }

    static Answer json(int status, byte[] body) {
      return new Answer(status, "application/json", body);
    }
  }

  /** Answers a request; an exception becomes a 500. */
  @FunctionalInterface
  interface Handler {
    Answer handle(String method, String path, byte[] body) throws IOException;
  }

  private static final int MAX_HEAD_BYTES = 64 * 1024;

  private final ServerSocket listener;
  private final Handler handler;
  private final ExecutorService connections;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final Thread acceptor;

  private StoredBytesServer(Handler handler) throws IOException {
    this.listener = new ServerSocket(0, 1024, InetAddress.getLoopbackAddress());
    this.handler = handler;
    AtomicInteger n = new AtomicInteger();
    this.connections = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "stored-bytes-conn-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    this.acceptor = new Thread(this::accept, "stored-bytes-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  static StoredBytesServer start(Handler handler) throws IOException {
    return new StoredBytesServer(handler);
  }

  /** {@code http://127.0.0.1:port}. */
  String host() {
    return "http://" + listener.getInetAddress().getHostAddress() + ":" + listener.getLocalPort();
  }

  private void accept() {
    while (!listener.isClosed()) {
      Socket socket;
      try {
        socket = listener.accept();
      } catch (IOException closed) {
        return;
      }
      open.add(socket);
      try {
        connections.execute(() -> serve(socket));
      } catch (RuntimeException shutDown) {
        closeQuietly(socket);
        return;
      }
    }
  }

  private void serve(Socket socket) {
    try (socket) {
      socket.setTcpNoDelay(true);
      InputStream in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
      OutputStream out = socket.getOutputStream();
      while (true) {
        String head = readHead(in);
        if (head == null) {
          return; // the client closed the connection
        }
        String[] lines = head.split("\r\n");
        String[] requestLine = lines[0].split(" ");
        if (requestLine.length < 2) {
          return;
        }
        int contentLength = 0;
        boolean close = false;
        for (int i = 1; i < lines.length; i++) {
          int colon = lines[i].indexOf(':');
          if (colon <= 0) {
            continue;
          }
          String name = lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT);
          String value = lines[i].substring(colon + 1).trim();
          if (name.equals("content-length")) {
            contentLength = Integer.parseInt(value);
          } else if (name.equals("connection") && value.equalsIgnoreCase("close")) {
            close = true;
          }
        }
        byte[] body = in.readNBytes(contentLength);
        if (body.length < contentLength) {
          return;
        }
        String target = requestLine[1];
        int query = target.indexOf('?');
        Answer answer;
        try {
          answer = handler.handle(requestLine[0], query < 0 ? target : target.substring(0, query), body);
        } catch (IOException | RuntimeException e) {
          answer = Answer.json(500, ("{\"error_code\":\"INTERNAL_ERROR\",\"message\":\"" + e.getClass().getSimpleName()
              + "\"}").getBytes(StandardCharsets.UTF_8));
        }
        out.write(("HTTP/1.1 " + answer.status + (answer.status == 200 ? " OK" : " Error") + "\r\nContent-Type: "
            + answer.contentType + "\r\nContent-Length: " + answer.body.length + "\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
        out.write(answer.body);
        out.flush();
        if (close) {
          return;
        }
      }
    } catch (IOException | RuntimeException dropped) {
      // a reset or closed connection ends its thread; the client sees the failure
    } finally {
      open.remove(socket);
    }
  }

  /** The request head up to its blank line, or null at a clean end of the connection. */
  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream(512);
    int last4 = 0; // the last four bytes read, to spot "\r\n\r\n"
    while (last4 != 0x0D0A0D0A) {
      int b = in.read();
      if (b < 0) {
        if (head.size() == 0) {
          return null;
        }
        throw new IOException("the connection ended inside a request head");
      }
      head.write(b);
      last4 = last4 << 8 | b;
      if (head.size() > MAX_HEAD_BYTES) {
        throw new IOException("request head over " + MAX_HEAD_BYTES + " bytes");
      }
    }
    return head.toString(StandardCharsets.US_ASCII);
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // closing only
    }
  }

  @Override
  public void close() {
    try {
      listener.close();
    } catch (IOException ignored) {
      // closing only
    }
    open.forEach(StoredBytesServer::closeQuietly);
    connections.shutdownNow();
  }
}
