package dev.kiln.emulator.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.kiln.emulator.Fault;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JDK {@link HttpServer} (or {@link HttpsServer}) on loopback: reads each request, applies injected faults and bearer auth, hands
 * it to the {@link Router} and writes the reply when the (possibly asynchronous) handler is done.
 */
final class WorkspaceServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(WorkspaceServer.class);
  private static final int SLOW_BODY_PIECE = 256;
  private static final long RESET_FAULT_WAIT_SECONDS = 60;

  static {
    // Without TCP_NODELAY, Nagle + delayed ACK add ~40 ms to many loopback replies. Read once per JVM.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private final HttpServer server;
  /** The public port; relays to {@link #server}, so a fault can end a connection with a TCP RST. */
  private final TcpRelay relay;
  private final Router router;
  private final BearerAuth auth;
  private final FaultEngine faults;
  private final ExecutorService httpPool;
  private final ScheduledExecutorService scheduler;

  WorkspaceServer(
      Router router,
      BearerAuth auth,
      FaultEngine faults,
      ExecutorService httpPool,
      ScheduledExecutorService scheduler,
      SSLContext tls)
      throws IOException {
    this.router = router;
    this.auth = auth;
    this.faults = faults;
    this.httpPool = httpPool;
    this.scheduler = scheduler;
    InetSocketAddress loopback = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
    if (tls == null) {
      this.server = HttpServer.create(loopback, 128);
    } else {
      HttpsServer https = HttpsServer.create(loopback, 128);
      https.setHttpsConfigurator(new HttpsConfigurator(tls));
      this.server = https;
    }
    server.setExecutor(httpPool);
    server.createContext("/", this::handle);
    try {
      this.relay = new TcpRelay(server.getAddress(), "kiln-emulator-relay");
    } catch (IOException e) {
      server.stop(0);
      throw e;
    }
  }

  void start() {
    server.start();
    relay.start();
  }

  int port() {
    return relay.port();
  }

  @Override
  public void close() {
    relay.close();
    server.stop(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try {
      route(exchange);
    } catch (IOException resetOrGone) {
      throw resetOrGone; // HttpServer closes the connection, as a reset fault wants
    } catch (Throwable unexpected) {
      // HttpServer rethrows Errors without closing the connection, which would leave the client hanging.
      LOG.warn("emulator request handling failed", unexpected);
      exchange.close();
      throw new IOException("request handling failed", unexpected);
    }
  }

  private void route(HttpExchange exchange) throws IOException {
    Request request;
    try (InputStream in = exchange.getRequestBody()) {
      request =
          new Request(
              exchange.getRequestMethod().toUpperCase(Locale.ROOT),
              exchange.getRequestURI().getRawPath(),
              exchange.getRequestURI().getRawQuery(),
              exchange.getRequestHeaders(),
              in.readAllBytes());
    }
    FaultPlan plan = faults.planFor(request.method(), request.path());
    if (plan.is(Fault.Kind.CLOSE_BEFORE_HEADERS)) {
      exchange.close(); // before sendResponseHeaders, HttpServer closes the connection itself
      return;
    }
    if (plan.is(Fault.Kind.STALL_BEFORE_HEADERS)) {
      delay(plan.latency().plus(plan.stall())).whenCompleteAsync((ignored, error) -> exchange.close(), httpPool);
      return;
    }
    CompletableFuture<Response> reply =
        plan.latency().isZero()
            ? answer(request, plan)
            : delay(plan.latency()).thenComposeAsync(ignored -> answer(request, plan), httpPool);
    if (plan.is(Fault.Kind.RESET_MID_BODY) || plan.is(Fault.Kind.CUT_BETWEEN_EVENTS)) {
      // Only an exception thrown from this handler thread makes HttpServer drop the connection. HttpServer
      // drops it with a FIN; the relay turns that into a RST for a reset fault.
      if (plan.is(Fault.Kind.RESET_MID_BODY)) {
        relay.resetAfterDrain(exchange.getRemoteAddress());
      }
      Response whole = awaitForReset(reply);
      byte[] body = whole.body();
      sendPartAndDrop(exchange, whole,
          plan.is(Fault.Kind.CUT_BETWEEN_EVENTS) ? endOfEvents(whole, plan.events()) : body.length / 2);
      return;
    }
    if (reply.isDone()) {
      send(exchange, reply, plan);
    } else {
      // Never write on the thread that completed the reply (a SQL worker or the timer). The pool discards work
      // once the workspace closes, and HttpServer.stop closes those exchanges.
      reply.whenCompleteAsync((response, error) -> send(exchange, reply, plan), httpPool);
    }
  }

  private CompletableFuture<Response> answer(Request request, FaultPlan plan) {
    if (plan.is(Fault.Kind.STATUS)) {
      return CompletableFuture.completedFuture(plan.statusReply());
    }
    if (BearerAuth.isProtected(request.path())) {
      Optional<Response> denied = auth.check(request);
      if (denied.isPresent()) {
        return CompletableFuture.completedFuture(denied.get());
      }
    }
    return router.dispatch(request);
  }

  private CompletableFuture<Void> delay(Duration latency) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    try {
      scheduler.schedule(() -> done.complete(null), latency.toNanos(), TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException closing) {
      done.complete(null);
    }
    return done;
  }

  /** Writes the completed {@code reply} and always closes the exchange, whatever goes wrong. */
  private void send(HttpExchange exchange, CompletableFuture<Response> reply, FaultPlan plan) {
    boolean stalled = false;
    try {
      Response response = reply.handle((ok, error) -> error == null ? ok : Router.toErrorResponse(error)).join();
      writeHeaders(exchange, response, response.body().length);
      if (plan.is(Fault.Kind.STALL_AFTER_HEADERS) && response.body().length > 0) {
        exchange.getResponseBody().flush();
        // The body never comes: closing a fixed-length body short makes HttpServer drop the connection.
        delay(plan.stall()).whenCompleteAsync((ignored, error) -> closeQuietly(exchange), httpPool);
        stalled = true;
        return;
      }
      byte[] body = response.body();
      if (body.length > 0) {
        OutputStream out = exchange.getResponseBody();
        if (plan.is(Fault.Kind.SLOW_BODY)) {
          writeSlowly(exchange, out, body, 0, plan.slowBodyPause());
          stalled = true; // the pieces go out on the timer and close the exchange at the end
          return;
        }
        out.write(body);
        out.flush();
      }
    } catch (IOException e) {
      LOG.debug("client went away while the reply was written: {}", e.toString());
    } catch (RuntimeException | Error e) {
      LOG.warn("emulator reply failed", e);
    } finally {
      if (!stalled) {
        exchange.close();
      }
    }
  }

  private static void closeQuietly(HttpExchange exchange) {
    try {
      exchange.close();
    } catch (RuntimeException shortBody) {
      LOG.debug("stalled reply closed: {}", shortBody.toString());
    }
  }

  /** Writes one piece, then schedules the next after {@code pause}: a slow body holds no server thread. */
  private void writeSlowly(HttpExchange exchange, OutputStream out, byte[] body, int offset, Duration pause) {
    try {
      out.write(body, offset, Math.min(SLOW_BODY_PIECE, body.length - offset));
      out.flush();
    } catch (IOException e) {
      LOG.debug("client went away while a slow body was written: {}", e.toString());
      closeQuietly(exchange);
      return;
    }
    int next = offset + SLOW_BODY_PIECE;
    if (next >= body.length) {
      closeQuietly(exchange);
      return;
    }
    delay(pause).whenCompleteAsync((ignored, error) -> writeSlowly(exchange, out, body, next, pause), httpPool);
  }

  private static Response awaitForReset(CompletableFuture<Response> reply) throws IOException {
    try {
      return reply.get(RESET_FAULT_WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    } catch (ExecutionException | TimeoutException e) {
      return Router.toErrorResponse(e);
    }
  }

  /** Sends the headers (announcing the whole body) and its first {@code length} bytes, then drops the connection. */
  private static void sendPartAndDrop(HttpExchange exchange, Response reply, int length) throws IOException {
    byte[] body = reply.body();
    writeHeaders(exchange, reply, Math.max(body.length, 2));
    OutputStream out = exchange.getResponseBody();
    out.write(body, 0, length);
    out.flush();
    throw new IOException("injected fault: connection dropped after " + length + " of " + body.length + " body bytes");
  }

  /**
   * Where the first {@code events} server-sent events of an SSE body end (each ends with a blank line); half the
   * body for a reply that is not an event stream or has fewer events.
   */
  static int endOfEvents(Response reply, int events) {
    byte[] body = reply.body();
    String type = reply.headers().getOrDefault("Content-Type", "");
    if (!type.startsWith("text/event-stream")) {
      return body.length / 2;
    }
    int end = 0;
    for (int seen = 0; seen < events; seen++) {
      int next = indexOfBlankLine(body, end);
      if (next < 0) {
        return body.length / 2;
      }
      end = next;
    }
    return end;
  }

  /** The offset just after the next {@code \n\n} (or {@code \r\n\r\n}) at or after {@code from}; -1 if none. */
  private static int indexOfBlankLine(byte[] body, int from) {
    for (int i = from; i + 1 < body.length; i++) {
      if (body[i] == '\n' && body[i + 1] == '\n') {
        return i + 2;
      }
      if (body[i] == '\n' && body[i + 1] == '\r' && i + 2 < body.length && body[i + 2] == '\n') {
        return i + 3;
      }
    }
    return -1;
  }

  private static void writeHeaders(HttpExchange exchange, Response reply, long length) throws IOException {
    for (Map.Entry<String, String> header : reply.headers().entrySet()) {
      exchange.getResponseHeaders().set(header.getKey(), header.getValue());
    }
    exchange.sendResponseHeaders(reply.status(), length == 0 ? -1 : length);
  }
}
