package dev.kiln.emulator;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A misbehaviour the workspace injects into its replies: extra latency, an error status, a connection
 * dropped halfway through the body, or a body that trickles out. Immutable; narrow it with {@link #on},
 * {@link #onPathMatching} and {@link #times}, then hand it to {@link Faults#inject}.
 *
 * <pre>{@code
 * ws.faults().inject(Fault.tooManyRequests(Duration.ZERO).on("POST", "/api/2.0/sql/statements").times(2));
 * ws.faults().inject(Fault.latency(Duration.ofMillis(20)));               // every request, until removed
 * ws.faults().inject(Fault.resetMidBody().on("GET", "/_external/").times(1));
 * ws.faults().inject(Fault.internalError().randomly(0.1, 42));            // 10% of requests, reproducibly
 * }</pre>
 *
 * A request may hit several latency faults (their delays add up) but at most one other fault: the first
 * matching one, in injection order. Each hit uses up one of a fault's {@link #times}.
 */
public final class Fault {
  /** What the fault does. */
  public enum Kind {
    /** Waits before answering. */
    LATENCY,
    /** Answers with an error status and a Databricks error body instead of running the route. */
    STATUS,
    /** Sends the real headers and half of the real body, then resets the connection (a TCP RST, not a FIN). */
    RESET_MID_BODY,
    /** Sends the real body in small pieces with a pause between them. */
    SLOW_BODY,
    /** Closes the connection before any byte of the reply, as a dropped connection does. */
    CLOSE_BEFORE_HEADERS,
    /** Sends nothing for {@link #delay()}, then closes the connection (a client read timeout should fire first). */
    STALL_BEFORE_HEADERS,
    /** Sends the real status and headers, then nothing for {@link #delay()}, then closes the connection. */
    STALL_AFTER_HEADERS,
    /**
     * Sends the real status and headers and the first {@link #events()} server-sent events of the real body
     * (each ended by its blank line), then drops the connection: a stream cut between two events.
     */
    CUT_BETWEEN_EVENTS
  }

  /** {@link #times()} of a fault that never runs out. */
  public static final int UNLIMITED = -1;

  private static final Pattern ANY_PATH = Pattern.compile(".*");

  private final Kind kind;
  private final Duration delay;
  private final int status;
  private final String errorCode;
  private final Duration retryAfter;
  private final String method;
  private final Pattern path;
  private final int times;
  private final boolean retryAfterAsDate;
  private final double rate;
  private final long seed;
  private final int events;

  private Fault(
      Kind kind,
      Duration delay,
      int status,
      String errorCode,
      Duration retryAfter,
      String method,
      Pattern path,
      int times,
      boolean retryAfterAsDate,
      double rate,
      long seed,
      int events) {
    this.kind = kind;
    this.delay = delay;
    this.status = status;
    this.errorCode = errorCode;
    this.retryAfter = retryAfter;
    this.method = method;
    this.path = path;
    this.times = times;
    this.retryAfterAsDate = retryAfterAsDate;
    this.rate = rate;
    this.seed = seed;
    this.events = events;
  }

  private static Fault of(Kind kind, Duration delay, int status, String errorCode, Duration retryAfter) {
    return new Fault(kind, delay, status, errorCode, retryAfter, null, ANY_PATH, UNLIMITED, false, 1.0, 0, 0);
  }

  /** Adds {@code delay} before the reply (a real wait on the server; keep it to milliseconds in tests). */
  public static Fault latency(Duration delay) {
    return of(Kind.LATENCY, requireNonNegative(delay), 0, null, null);
  }

  /** 429 {@code REQUEST_LIMIT_EXCEEDED} with {@code Retry-After} in whole seconds (rounded up). */
  public static Fault tooManyRequests(Duration retryAfter) {
    return of(Kind.STATUS, Duration.ZERO, 429, "REQUEST_LIMIT_EXCEEDED", requireNonNegative(retryAfter));
  }

  /** 503 {@code TEMPORARILY_UNAVAILABLE} with {@code Retry-After} in whole seconds (rounded up). */
  public static Fault unavailable(Duration retryAfter) {
    return of(Kind.STATUS, Duration.ZERO, 503, "TEMPORARILY_UNAVAILABLE", requireNonNegative(retryAfter));
  }

  /** 500 {@code INTERNAL_ERROR}. */
  public static Fault internalError() {
    return status(500, "INTERNAL_ERROR");
  }

  /** Any error status with a Databricks error body carrying {@code errorCode}. */
  public static Fault status(int status, String errorCode) {
    if (status < 400 || status > 599) {
      throw new IllegalArgumentException("an injected status must be 4xx or 5xx, got " + status);
    }
    return of(Kind.STATUS, Duration.ZERO, status, Objects.requireNonNull(errorCode, "errorCode"), null);
  }

  /**
   * The real status and headers, half the real body, then the connection is reset: the client's next read
   * fails with "connection reset" (a TCP RST), as when a load balancer or the network cuts it.
   */
  public static Fault resetMidBody() {
    return of(Kind.RESET_MID_BODY, Duration.ZERO, 0, null, null);
  }

  /** The real reply, its body written in small pieces with {@code pause} between them. */
  public static Fault slowBody(Duration pause) {
    return of(Kind.SLOW_BODY, requireNonNegative(pause), 0, null, null);
  }

  /** The connection is closed before the reply starts: the client sees an empty reply. */
  public static Fault closeBeforeHeaders() {
    return of(Kind.CLOSE_BEFORE_HEADERS, Duration.ZERO, 0, null, null);
  }

  /**
   * No byte for {@code stall}, then the connection is closed. The wait holds no server thread; keep it
   * longer than the client's read timeout to test that timeout.
   */
  public static Fault stallBeforeHeaders(Duration stall) {
    return of(Kind.STALL_BEFORE_HEADERS, requireNonNegative(stall), 0, null, null);
  }

  /**
   * The real status and headers (JSON or an SSE stream alike), then no body byte for {@code stall}, then the
   * connection is closed. The wait holds no server thread.
   */
  public static Fault stallAfterHeaders(Duration stall) {
    return of(Kind.STALL_AFTER_HEADERS, requireNonNegative(stall), 0, null, null);
  }

  /**
   * An SSE reply (e.g. streamed chat) cut after its first {@code events} events: the real status and headers,
   * those events whole, then the connection drops. Other replies are cut at half their body.
   */
  public static Fault cutBetweenEvents(int events) {
    if (events < 0) {
      throw new IllegalArgumentException("events must not be negative, got " + events);
    }
    return new Fault(Kind.CUT_BETWEEN_EVENTS, Duration.ZERO, 0, null, null, null, ANY_PATH, UNLIMITED, false, 1.0, 0,
        events);
  }

  /**
   * Only requests whose path starts with {@code pathPrefix}; {@code method} null or {@code "*"} for any
   * method.
   */
  public Fault on(String method, String pathPrefix) {
    return onPathMatching(method, Pattern.quote(Objects.requireNonNull(pathPrefix, "pathPrefix")) + ".*");
  }

  /** Only requests whose whole path matches {@code regex}; {@code method} null or {@code "*"} for any. */
  public Fault onPathMatching(String method, String regex) {
    String normalized = method == null || method.equals("*") ? null : method.toUpperCase(Locale.ROOT);
    return new Fault(
        kind, delay, status, errorCode, retryAfter, normalized, Pattern.compile(regex), times, retryAfterAsDate,
        rate, seed, events);
  }

  /** Fires for the next {@code count} matching requests only. */
  public Fault times(int count) {
    if (count < 1) {
      throw new IllegalArgumentException("times must be at least 1, got " + count);
    }
    return new Fault(
        kind, delay, status, errorCode, retryAfter, method, path, count, retryAfterAsDate, rate, seed, events);
  }

  /**
   * Sends {@code Retry-After} as an HTTP-date (now plus the delay, on the workspace's clock) instead of
   * seconds, as some proxies and gateways do. Only for faults that carry a {@code Retry-After}.
   */
  public Fault retryAfterAsHttpDate() {
    if (retryAfter == null) {
      throw new IllegalArgumentException("only tooManyRequests and unavailable faults send Retry-After");
    }
    return new Fault(kind, delay, status, errorCode, retryAfter, method, path, times, true, rate, seed, events);
  }

  /**
   * Fires on each matching request with probability {@code rate}, drawn from a generator seeded with {@code
   * seed}: the same seed and the same requests in the same order give the same faults. Requests it skips do
   * not use up {@link #times}.
   */
  public Fault randomly(double rate, long seed) {
    if (!(rate > 0 && rate <= 1)) {
      throw new IllegalArgumentException("rate must be in (0, 1], got " + rate);
    }
    return new Fault(
        kind, delay, status, errorCode, retryAfter, method, path, times, retryAfterAsDate, rate, seed, events);
  }

  /** Whether {@code Retry-After} is an HTTP-date rather than seconds. */
  public boolean retryAfterIsHttpDate() {
    return retryAfterAsDate;
  }

  /** The probability of firing on a matching request (1 unless {@link #randomly}). */
  public double rate() {
    return rate;
  }

  /** The seed of {@link #randomly}. */
  public long seed() {
    return seed;
  }

  /** What the fault does to a matching request. */
  public Kind kind() {
    return kind;
  }

  /**
   * The added latency ({@link Kind#LATENCY}), the pause between body pieces ({@link Kind#SLOW_BODY}) or the
   * length of a stall.
   */
  public Duration delay() {
    return delay;
  }

  /** How many whole events a {@link Kind#CUT_BETWEEN_EVENTS} fault lets through. */
  public int events() {
    return events;
  }

  /** The injected HTTP status ({@link Kind#STATUS} only). */
  public int status() {
    return status;
  }

  /**
   * The {@code error_code} of the injected error body ({@link Kind#STATUS} only); empty for a body
   * without one.
   */
  public Optional<String> errorCode() {
    return Optional.ofNullable(errorCode);
  }

  /** The {@code Retry-After} sent with the injected status; empty when the reply has none. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  /** The HTTP method it applies to; empty for any. */
  public Optional<String> method() {
    return Optional.ofNullable(method);
  }

  /**
   * The pattern a request's whole path must match for the fault to fire; {@code .*} (any path) by
   * default.
   */
  public Pattern path() {
    return path;
  }

  /** How many matching requests it fires for, or {@link #UNLIMITED}. */
  public int times() {
    return times;
  }

  /** Whether the fault applies to {@code method} and the decoded request {@code path}. */
  public boolean matches(String method, String path) {
    return (this.method == null || this.method.equals(method)) && this.path.matcher(path).matches();
  }

  @Override
  public String toString() {
    return "Fault{" + kind + (status > 0 ? " " + status : "") + (method == null ? " *" : " " + method)
        + " " + path.pattern() + (times == UNLIMITED ? "" : " x" + times)
        + (rate < 1 ? " p=" + rate + " seed=" + seed : "") + "}";
  }

  private static Duration requireNonNegative(Duration duration) {
    Objects.requireNonNull(duration, "duration");
    if (duration.isNegative()) {
      throw new IllegalArgumentException("duration must not be negative: " + duration);
    }
    return duration;
  }
}
