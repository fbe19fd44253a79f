package dev.kiln.core.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A socket-level HTTP/1.1 server for stall tests: it answers every request with the given head
 * (status line and headers) and the first part of a body, then goes silent with the connection
 * open, until {@link #close()}. Records each request line. {@code head} null: it sends nothing at
 * all (a server that never answers).
 */
public final class StallingServer implements AutoCloseable {
  private final ServerSocket socket;
  private final String head;
  private final byte[] bodyStart;
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private final List<Socket> open = new CopyOnWriteArrayList<>();
  private final Thread acceptor;
  private volatile CountDownLatch requestSeen = new CountDownLatch(1);

  /** Answers with {@code status}, {@code Content-Type}, a {@code Content-Length} of {@code declaredLength}, then {@code bodyStart}. */
  public static StallingServer answering(int status, String contentType, int declaredLength, String bodyStart) throws IOException {
    String head = "HTTP/1.1 " + status + " X\r\nContent-Type: " + contentType + "\r\nContent-Length: "
        + declaredLength + "\r\n\r\n";
    return new StallingServer(head, bodyStart.getBytes(StandardCharsets.UTF_8));
  }

  /** Reads requests and never answers. */
  public static StallingServer silent() throws IOException {
    return new StallingServer(null, new byte[0]);
  }

  private StallingServer(String head, byte[] bodyStart) throws IOException {
    this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    this.head = head;
    this.bodyStart = bodyStart;
    this.acceptor = new Thread(this::acceptLoop, "stalling-server");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  public String url() {
    return "http://127.0.0.1:" + socket.getLocalPort() + "/";
  }

  /** Request lines seen so far, e.g. {@code "POST /api/2.0/x HTTP/1.1"}. */
  public List<String> requests() {
    return List.copyOf(requests);
  }

  /** Waits (bounded) until at least one request arrived. */
  public void awaitRequest() throws InterruptedException {
    if (!requestSeen.await(5, TimeUnit.SECONDS)) {
      throw new AssertionError("no request reached the server");
    }
  }

  private void acceptLoop() {
    while (!socket.isClosed()) {
      try {
        Socket s = socket.accept();
        open.add(s);
        Thread t = new Thread(() -> serve(s), "stalling-server-conn");
        t.setDaemon(true);
        t.start();
      } catch (IOException closed) {
        return;
      }
    }
  }

  private void serve(Socket s) {
    try {
      InputStream in = s.getInputStream();
      while (true) {
        String headers = readHead(in);
        if (headers == null) {
          return;
        }
        String requestLine = headers.substring(0, headers.indexOf("\r\n"));
        int length = contentLength(headers);
        in.readNBytes(length);
        requests.add(requestLine);
        requestSeen.countDown();
        if (head == null) {
          continue; // never answer; keep reading in case the client sends more on this socket
        }
        OutputStream out = s.getOutputStream();
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        out.write(bodyStart);
        out.flush();
        // Then silence: the client must give up on its own. Reading returns -1 once it closes.
        while (in.read() >= 0) {
          // discard
        }
        return;
      }
    } catch (IOException e) {
      // the client closed the connection
    }
  }

  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    int matched = 0;
    int b;
    while ((b = in.read()) >= 0) {
      buf.write(b);
      matched = (b == '\r' && (matched == 0 || matched == 2)) || (b == '\n' && (matched == 1 || matched == 3))
          ? matched + 1 : 0;
      if (matched == 4) {
        return buf.toString(StandardCharsets.US_ASCII);
      }
    }
    return null;
  }

  private static int contentLength(String headers) {
    for (String line : headers.split("\r\n")) {
      if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
        return Integer.parseInt(line.substring(15).strip());
      }
    }
    return 0;
  }

  /** How many request lines start with {@code method}. */
  public long count(String method) {
    return requests.stream().filter(r -> r.startsWith(method + " ")).count();
  }

  @Override
  public void close() throws IOException {
    socket.close();
    for (Socket s : open) {
      s.close();
    }
  }
}
