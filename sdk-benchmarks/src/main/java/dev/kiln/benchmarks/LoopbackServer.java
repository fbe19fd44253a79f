package dev.kiln.benchmarks;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A JDK {@link HttpServer} on 127.0.0.1 (random port) with its own fixed pool of handler threads, started
 * before anything is measured so that the thread-counting benchmarks see none of its threads appear.
 */
final class LoopbackServer implements AutoCloseable {
  static {
    // The JDK server writes headers and body separately; with Nagle on, every keep-alive answer waits for the
    // client's delayed ACK (about 40 ms). Read once, when the first server starts (the emulator sets it too).
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private final HttpServer server;
  private final ThreadPoolExecutor pool;

  private LoopbackServer(HttpServer server, ThreadPoolExecutor pool) {
    this.server = server;
    this.pool = pool;
  }

  static LoopbackServer start(int threads, HttpHandler handler) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
    AtomicInteger n = new AtomicInteger();
    ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 1, TimeUnit.MINUTES,
        new LinkedBlockingQueue<>(), r -> {
          Thread t = new Thread(r, "loopback-server-" + n.incrementAndGet());
          t.setDaemon(true);
          return t;
        });
    pool.prestartAllCoreThreads();
    server.createContext("/", exchange -> {
      try {
        handler.handle(exchange);
      } catch (RuntimeException | IOException e) {
        send(exchange, 500, "{\"error_code\":\"INTERNAL_ERROR\",\"message\":\"" + e + "\"}");
      } finally {
        exchange.close();
      }
    });
    server.setExecutor(pool);
    server.start();
    return new LoopbackServer(server, pool);
  }

  /** {@code http://127.0.0.1:port}. */
  String host() {
    return "http://" + server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort();
  }

  static byte[] body(HttpExchange exchange) throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      return in.readAllBytes();
    }
  }

  static void send(HttpExchange exchange, int status, String json) throws IOException {
    send(exchange, status, json.getBytes(StandardCharsets.UTF_8));
  }

  static void send(HttpExchange exchange, int status, byte[] json) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, json.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(json);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    pool.shutdownNow();
  }
}
