package dev.kiln.core;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/** One HTTP attempt as {@link ClientListener}s see it: no header, query value or body. */
public final class RequestEvent {
  private final String method;
  private final String pathTemplate;
  private final String host;
  private final int attempt;
  private final int statusCode;
  private final Duration elapsed;
  private final String requestId;
  private final Duration retryDelay;

  /** For Kiln's transport (and listener tests); users receive these, they do not build them. */
  public RequestEvent(String method, String pathTemplate, String host, int attempt, int statusCode,
      Duration elapsed, String requestId, Duration retryDelay) {
    this.method = Objects.requireNonNull(method, "method");
    this.pathTemplate = Objects.requireNonNull(pathTemplate, "pathTemplate");
    this.host = Objects.requireNonNull(host, "host");
    this.attempt = attempt;
    this.statusCode = statusCode;
    this.elapsed = elapsed == null ? Duration.ZERO : elapsed;
    this.requestId = requestId;
    this.retryDelay = retryDelay;
  }

  /** The HTTP method, e.g. {@code GET}. */
  public String method() {
    return method;
  }

  /** The path with ids and names as placeholders, e.g. {@code /api/2.0/sql/statements/{statement_id}}. */
  public String pathTemplate() {
    return pathTemplate;
  }

  /** The host the attempt went to (a presigned download's storage host, or the workspace). */
  public String host() {
    return host;
  }

  /** 1 for the first attempt. */
  public int attempt() {
    return attempt;
  }

  /** The HTTP status, or -1 before an answer or when none came. */
  public int statusCode() {
    return statusCode;
  }

  /** Time from sending to the headers (or failure); zero in {@link ClientListener#requestSent}. */
  public Duration elapsed() {
    return elapsed;
  }

  /**
   * The server's request id for this attempt (header {@code x-request-id}); empty before an answer
   * or when it sent none.
   */
  public Optional<String> requestId() {
    return Optional.ofNullable(requestId);
  }

  /** Set in {@link ClientListener#retryScheduled}: how long until the next attempt. */
  public Optional<Duration> retryDelay() {
    return Optional.ofNullable(retryDelay);
  }

  @Override
  public String toString() {
    return "RequestEvent[" + method + " " + pathTemplate + " attempt=" + attempt + " status=" + statusCode
        + " elapsed=" + elapsed.toMillis() + "ms" + (requestId == null ? "" : " request-id=" + requestId)
        + (retryDelay == null ? "" : " retry-in=" + retryDelay.toMillis() + "ms") + "]";
  }
}
