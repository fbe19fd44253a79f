package dev.kiln.core;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * One HTTP attempt, or one call (a logical request and all its attempts), as
 * {@link ClientListener}s see it: no header, query value or body.
 */
public final class RequestEvent {
  private final String method;
  private final String pathTemplate;
  private final String host;
  private final int attempt;
  private final int statusCode;
  private final Duration elapsed;
  private final String requestId;
  private final Duration retryDelay;
  private final long callId;
  private final int port;
  private final String url;
  private final String errorType;
  private final String operationKind;
  private final String operationId;
  private final long parentCallId;

  /** For Kiln's transport (and listener tests); users receive these, they do not build them. */
  public RequestEvent(String method, String pathTemplate, String host, int attempt, int statusCode,
      Duration elapsed, String requestId, Duration retryDelay) {
    this(builder(method, pathTemplate, host).attempt(attempt).statusCode(statusCode).elapsed(elapsed)
        .requestId(requestId).retryDelay(retryDelay));
  }

  private RequestEvent(Builder b) {
    this.method = Objects.requireNonNull(b.method, "method");
    this.pathTemplate = Objects.requireNonNull(b.pathTemplate, "pathTemplate");
    this.host = Objects.requireNonNull(b.host, "host");
    this.attempt = b.attempt;
    this.statusCode = b.statusCode;
    this.elapsed = b.elapsed == null ? Duration.ZERO : b.elapsed;
    this.requestId = b.requestId;
    this.retryDelay = b.retryDelay;
    this.callId = b.callId;
    this.port = b.port;
    this.url = b.url;
    this.errorType = b.errorType;
    this.operationKind = b.operationKind;
    this.operationId = b.operationId;
    this.parentCallId = b.parentCallId;
  }

  /** For Kiln's transport (and listener tests): an event for {@code method} on {@code pathTemplate} at {@code host}. */
  public static Builder builder(String method, String pathTemplate, String host) {
    return new Builder(method, pathTemplate, host);
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

  /** The port the attempt went to (the scheme's default when the URL names none), or -1 if unknown. */
  public int port() {
    return port;
  }

  /**
   * 1 for the first attempt. In {@link ClientListener#callStarted} 0; in
   * {@link ClientListener#callFinished} the number of attempts made.
   */
  public int attempt() {
    return attempt;
  }

  /** The HTTP status, or -1 before an answer or when none came. */
  public int statusCode() {
    return statusCode;
  }

  /**
   * Time from sending to the headers (or failure); zero in {@link ClientListener#requestSent}; in
   * {@link ClientListener#callFinished} the whole call, backoff included.
   */
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

  /**
   * Identifies the call within this JVM: {@link ClientListener#callStarted}, each attempt's events and
   * {@link ClientListener#callFinished} of one call carry the same id (0 in events built without one).
   */
  public long callId() {
    return callId;
  }

  /**
   * The URL without query string or fragment, e.g. {@code https://host/api/2.0/sql/statements/01ef};
   * empty for a URL that is itself a credential. Holds ids, so not for metric attributes.
   */
  public Optional<String> url() {
    return Optional.ofNullable(url);
  }

  /**
   * Why an attempt or call failed, when it did: the fully qualified class name of the Kiln exception
   * it failed with (e.g. {@code dev.kiln.core.error.TransportException} when no answer came).
   */
  public Optional<String> errorType() {
    return Optional.ofNullable(errorType);
  }

  /**
   * The call this one follows from: the one whose answer was being handed over (to the caller's
   * continuations) on the thread that made this call; 0 when none.
   */
  public long parentCallId() {
    return parentCallId;
  }

  /** The kind of the long-running operation this request polls or cancels, e.g. {@code statement}. */
  public Optional<String> operationKind() {
    return Optional.ofNullable(operationKind);
  }

  /** The id of the long-running operation this request polls or cancels. */
  public Optional<String> operationId() {
    return Optional.ofNullable(operationId);
  }

  @Override
  public String toString() {
    return "RequestEvent[" + method + " " + pathTemplate + " attempt=" + attempt + " status=" + statusCode
        + " elapsed=" + elapsed.toMillis() + "ms" + (requestId == null ? "" : " request-id=" + requestId)
        + (retryDelay == null ? "" : " retry-in=" + retryDelay.toMillis() + "ms")
        + (errorType == null ? "" : " error=" + errorType)
        + (operationKind == null ? "" : " operation=" + operationKind + " " + operationId) + "]";
  }

  /** Builder for {@link RequestEvent}; not thread-safe. */
  public static final class Builder {
    private final String method;
    private final String pathTemplate;
    private final String host;
    private int attempt;
    private int statusCode = -1;
    private Duration elapsed;
    private String requestId;
    private Duration retryDelay;
    private long callId;
    private int port = -1;
    private String url;
    private String errorType;
    private String operationKind;
    private String operationId;
    private long parentCallId;

    private Builder(String method, String pathTemplate, String host) {
      this.method = method;
      this.pathTemplate = pathTemplate;
      this.host = host;
    }

    /** See {@link RequestEvent#attempt()}. */
    public Builder attempt(int value) {
      this.attempt = value;
      return this;
    }

    /** See {@link RequestEvent#statusCode()}; -1 by default. */
    public Builder statusCode(int value) {
      this.statusCode = value;
      return this;
    }

    /** See {@link RequestEvent#elapsed()}. */
    public Builder elapsed(Duration value) {
      this.elapsed = value;
      return this;
    }

    /** See {@link RequestEvent#requestId()}. */
    public Builder requestId(String value) {
      this.requestId = value;
      return this;
    }

    /** See {@link RequestEvent#retryDelay()}. */
    public Builder retryDelay(Duration value) {
      this.retryDelay = value;
      return this;
    }

    /** See {@link RequestEvent#callId()}. */
    public Builder callId(long value) {
      this.callId = value;
      return this;
    }

    /** See {@link RequestEvent#port()}; -1 by default. */
    public Builder port(int value) {
      this.port = value;
      return this;
    }

    /** The URL without query or fragment; never one that is itself a credential. */
    public Builder url(String value) {
      this.url = value;
      return this;
    }

    /** See {@link RequestEvent#errorType()}. */
    public Builder errorType(String value) {
      this.errorType = value;
      return this;
    }

    /** The long-running operation the request belongs to (both null when none). */
    public Builder operation(String kind, String id) {
      this.operationKind = kind;
      this.operationId = kind == null ? null : id;
      return this;
    }

    /** See {@link RequestEvent#parentCallId()}. */
    public Builder parentCallId(long value) {
      this.parentCallId = value;
      return this;
    }

    /** The event. */
    public RequestEvent build() {
      return new RequestEvent(this);
    }
  }
}
