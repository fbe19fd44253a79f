package dev.kiln.core.internal;

import dev.kiln.core.ApiRequest;
import dev.kiln.core.ApiResponse;
import dev.kiln.core.BodyReader;
import dev.kiln.core.spi.Futures;
import dev.kiln.core.Json;
import dev.kiln.core.RetryPolicy;
import dev.kiln.core.Sleeper;
import dev.kiln.core.auth.AuthContext;
import dev.kiln.core.auth.CredentialsProvider;
import dev.kiln.core.error.DatabricksClientException;
import dev.kiln.core.error.DatabricksException;
import dev.kiln.core.error.DatabricksServiceException;
import dev.kiln.core.error.InvalidRequestException;
import dev.kiln.core.error.TransportException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.UnresolvedAddressException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every request goes through here, in a fixed order: retry loop → credentials → logging → JDK
 * client → error mapping. Fully asynchronous: no thread waits while a request is in flight or
 * while a retry backs off.
 */
public final class HttpPipeline implements AuthContext {
  private static final Logger LOG = LoggerFactory.getLogger("dev.kiln.http");

  /** Query parameters whose values are safe to log; others are logged as {@code name=***}. */
  private static final Set<String> LOGGABLE_QUERY = Set.of(
      "page_size", "cluster_id", "clusterId", "contextId", "commandId", "endpoint_name", "max_results");

  private final HttpClient http;
  private final URI host;
  private final CredentialsProvider credentials;
  private final RetryPolicy retry;
  private final Clock clock;
  private final Sleeper sleeper;
  private final String userAgent;
  private final Duration readTimeout;
  private final Executor callbacks;

  /**
   * {@code callbacks} completes the futures handed to callers, so code they chain on them never
   * runs on (or blocks) the HTTP client's own threads.
   */
  public HttpPipeline(HttpClient http, URI host, CredentialsProvider credentials, RetryPolicy retry,
      Clock clock, Sleeper sleeper, String userAgent, Duration readTimeout, Executor callbacks) {
    this.http = http;
    this.host = host;
    this.credentials = credentials;
    this.retry = retry;
    this.clock = clock;
    this.sleeper = sleeper;
    this.userAgent = userAgent;
    this.readTimeout = readTimeout;
    this.callbacks = callbacks;
  }

  @Override
  public URI host() {
    return host;
  }

  @Override
  public Clock clock() {
    return clock;
  }

  @Override
  public <T> CompletableFuture<ApiResponse<T>> send(ApiRequest request, BodyReader<T> reader) {
    Call<T> call = new Call<>(request, reader);
    call.start();
    return call.result;
  }

  /** One logical request and its attempts. */
  private final class Call<T> {
    final ApiRequest request;
    final BodyReader<T> reader;
    final byte[] body;
    final String contentType;
    final CompletableFuture<ApiResponse<T>> result = new CompletableFuture<>();
    final Instant started = clock.instant();
    int attempt;
    boolean credentialsRefreshed;
    volatile CompletableFuture<?> inFlight;

    Call(ApiRequest request, BodyReader<T> reader) {
      this.request = request;
      this.reader = reader;
      if (request.jsonBody().isPresent()) {
        try {
          this.body = Json.mapper().writeValueAsBytes(request.jsonBody().get());
        } catch (IOException e) {
          throw new InvalidRequestException("cannot serialise the body of " + request + ": " + e.getMessage());
        }
        this.contentType = "application/json";
      } else {
        this.body = request.rawBody().orElse(null);
        this.contentType = request.contentType().orElse(null);
      }
    }

    void start() {
      result.whenComplete((r, e) -> {
        if (result.isCancelled()) {
          // The JDK's own exchange is left to reach its headers: JDKs differ in what cancelling it
          // does to the connection, while refusing the body (see handle) always closes it.
          cancelIfPresent(inFlight);
        }
      });
      attempt();
    }

    void attempt() {
      if (result.isDone()) {
        return;
      }
      attempt++;
      long t0 = System.nanoTime();
      CompletableFuture<Map<String, String>> auth = request.authenticated()
          ? credentials.headers(HttpPipeline.this).handle((h, e) -> {
              if (e != null) {
                throw new CompletionException(new CredentialsFailure(Futures.unwrap(e)));
              }
              return h;
            })
          : CompletableFuture.completedFuture(Map.of());
      CompletableFuture<Attempt<T>> f = auth.thenCompose(headers -> http
          .sendAsync(httpRequest(headers), this::handle)
          .thenApply(resp -> new Attempt<>(resp, headers)));
      inFlight = f;
      f.whenComplete((a, e) -> {
        long ms = (System.nanoTime() - t0) / 1_000_000;
        if (e != null) {
          onFailure(Futures.unwrap(e), ms);
        } else {
          onResponse(a, ms);
        }
      });
    }

    HttpRequest httpRequest(Map<String, String> authHeaders) {
      HttpRequest.Builder b = HttpRequest.newBuilder(request.resolve(host))
          .timeout(request.timeout().orElse(readTimeout))
          .header("User-Agent", userAgent);
      if (!request.headers().containsKey("Accept") && request.absoluteUri().isEmpty()) {
        b.header("Accept", "application/json");
      }
      if (contentType != null) {
        b.header("Content-Type", contentType);
      }
      request.headers().forEach(b::header);
      authHeaders.forEach(b::header);
      b.method(request.method(), body == null
          ? HttpRequest.BodyPublishers.noBody()
          : HttpRequest.BodyPublishers.ofByteArray(body));
      return b.build();
    }

    HttpResponse.BodySubscriber<Outcome<T>> handle(HttpResponse.ResponseInfo info) {
      if (result.isCancelled()) {
        // The caller gave up before the headers came: refusing the body closes the connection.
        return new RefusedBody<>();
      }
      if (info.statusCode() / 100 == 2) {
        return HttpResponse.BodySubscribers.mapping(reader.subscriber(info), Outcome::success);
      }
      return HttpResponse.BodySubscribers.mapping(HttpResponse.BodySubscribers.ofByteArray(), Outcome::error);
    }

    void onResponse(Attempt<T> a, long ms) {
      HttpResponse<Outcome<T>> resp = a.response;
      int status = resp.statusCode();
      String requestId = ApiResponse.requestIdOf(resp.headers()).orElse(null);
      Outcome<T> outcome = resp.body();
      if (outcome.ok) {
        logAttempt(status, ms, requestId, null);
        ApiResponse<T> response = new ApiResponse<>(status, resp.headers(), outcome.value, attempt);
        onCallbackThread(() -> {
          if (!result.complete(response)) {
            closeQuietly(outcome.value); // cancelled meanwhile: nobody will read or close a stream body
          }
        });
        return;
      }
      String contentType = resp.headers().firstValue("Content-Type").orElse(null);
      DatabricksServiceException error = request.absoluteUri().isPresent()
          ? ErrorMapper.mapExternal(status, outcome.errorBody, contentType, requestId)
          : ErrorMapper.map(status, outcome.errorBody, contentType, requestId);
      if (status == 401 && request.authenticated() && !credentialsRefreshed
          && credentials.refreshAfterUnauthorized(a.authHeaders)) {
        credentialsRefreshed = true;
        logAttempt(status, ms, requestId, Duration.ZERO);
        attempt();
        return;
      }
      boolean retryable = error.isRetryable()
          || (request.idempotent() && (status == 500 || status == 502 || status == 504));
      Duration retryAfter = retryAfter(resp.headers());
      retryOrFail(retryable, error, retryAfter, status, ms, requestId);
    }

    void onFailure(Throwable cause, long ms) {
      if (result.isDone()) {
        return;
      }
      if (cause instanceof CredentialsFailure) {
        fail(cause.getCause());
        return;
      }
      if (cause instanceof DatabricksException) {
        fail(cause);
        return;
      }
      if (cause instanceof UncheckedIOException) {
        fail(new DatabricksClientException("cannot read the answer to " + request + ": " + cause.getMessage(), cause));
        return;
      }
      boolean neverSent = isConnectFailure(cause);
      boolean retryable = neverSent || (request.idempotent() && cause instanceof IOException);
      String what = cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
      String target = request.absoluteUri().map(URI::getHost).orElse(host.getHost());
      TransportException error = new TransportException(
          request + " to " + target + " failed after " + attempt + " attempt(s): " + what, cause, attempt);
      retryOrFail(retryable, error, null, -1, ms, null);
    }

    void retryOrFail(boolean retryable, DatabricksException error, Duration retryAfter, int status, long ms, String requestId) {
      if (!retryable || attempt >= retry.maxAttempts()) {
        logAttempt(status, ms, requestId, null);
        fail(error);
        return;
      }
      Duration delay = retryAfter != null ? min(retryAfter, retry.maxRetryAfter()) : retry.backoff(attempt);
      if (clock.instant().plus(delay).isAfter(started.plus(retry.overallTimeout()))) {
        logAttempt(status, ms, requestId, null);
        fail(error);
        return;
      }
      logAttempt(status, ms, requestId, delay);
      CompletableFuture<Void> wait = sleeper.sleep(delay);
      inFlight = wait;
      wait.whenComplete((v, e) -> {
        if (e == null) {
          attempt();
        }
      });
    }

    void fail(Throwable error) {
      if (error instanceof DatabricksServiceException) {
        ((DatabricksServiceException) error).recordAttempts(attempt);
      }
      onCallbackThread(() -> result.completeExceptionally(error));
    }

    void onCallbackThread(Runnable completion) {
      try {
        callbacks.execute(completion);
      } catch (RejectedExecutionException closing) {
        completion.run();
      }
    }

    void logAttempt(int status, long ms, String requestId, Duration retryIn) {
      if (!LOG.isDebugEnabled()) {
        return;
      }
      String outcome = status < 0 ? "failed" : String.valueOf(status);
      String rid = requestId == null ? "" : " request-id=" + requestId;
      if (retryIn != null) {
        LOG.debug("{} {} -> {} in {} ms (attempt {}){}; retrying in {} ms",
            request.method(), loggableTarget(request), outcome, ms, attempt, rid, retryIn.toMillis());
      } else {
        LOG.debug("{} {} -> {} in {} ms (attempt {}){}",
            request.method(), loggableTarget(request), outcome, ms, attempt, rid);
      }
    }
  }

  private static void closeQuietly(Object body) {
    if (body instanceof AutoCloseable) {
      try {
        ((AutoCloseable) body).close();
      } catch (Exception e) {
        LOG.debug("closing an abandoned response body failed: {}", e.toString());
      }
    }
  }

  private static void cancelIfPresent(CompletableFuture<?> f) {
    if (f != null) {
      f.cancel(true);
    }
  }

  /** Path and allow-listed query for logs; presigned URLs lose their query string entirely. */
  static String loggableTarget(ApiRequest request) {
    if (request.absoluteUri().isPresent()) {
      URI u = request.absoluteUri().get();
      return u.getScheme() + "://" + u.getRawAuthority() + u.getRawPath();
    }
    if (request.query().isEmpty()) {
      return request.path();
    }
    StringJoiner j = new StringJoiner("&", request.path() + "?", "");
    request.query().forEach((k, vs) -> vs.forEach(v -> j.add(k + "=" + (LOGGABLE_QUERY.contains(k) ? v : "***"))));
    return j.toString();
  }

  static boolean isConnectFailure(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof ConnectException || c instanceof HttpConnectTimeoutException
          || c instanceof UnresolvedAddressException) {
        return true;
      }
    }
    return false;
  }

  private Duration retryAfter(HttpHeaders headers) {
    Optional<String> value = headers.firstValue("Retry-After");
    if (value.isEmpty()) {
      return null;
    }
    String v = value.get().strip();
    try {
      return Duration.ofSeconds(Math.max(0, Long.parseLong(v)));
    } catch (NumberFormatException notSeconds) {
      try {
        Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        Duration d = Duration.between(clock.instant(), at);
        return d.isNegative() ? Duration.ZERO : d;
      } catch (RuntimeException notADate) {
        return null;
      }
    }
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  private static final class Attempt<T> {
    final HttpResponse<Outcome<T>> response;
    final Map<String, String> authHeaders;

    Attempt(HttpResponse<Outcome<T>> response, Map<String, String> authHeaders) {
      this.response = response;
      this.authHeaders = authHeaders;
    }
  }

  /** A 2xx body read by the caller's reader, or an error body read whole. */
  private static final class Outcome<T> {
    final boolean ok;
    final T value;
    final byte[] errorBody;

    private Outcome(boolean ok, T value, byte[] errorBody) {
      this.ok = ok;
      this.value = value;
      this.errorBody = errorBody;
    }

    static <T> Outcome<T> success(T value) {
      return new Outcome<>(true, value, null);
    }

    static <T> Outcome<T> error(byte[] body) {
      return new Outcome<>(false, null, body);
    }
  }

  /** Cancels the body subscription at once, which closes the connection instead of reading on. */
  private static final class RefusedBody<T> implements HttpResponse.BodySubscriber<T> {
    private final CompletableFuture<T> body = new CompletableFuture<>();

    @Override
    public java.util.concurrent.CompletionStage<T> getBody() {
      return body;
    }

    @Override
    public void onSubscribe(java.util.concurrent.Flow.Subscription subscription) {
      subscription.cancel();
      body.cancel(false);
    }

    @Override
    public void onNext(java.util.List<java.nio.ByteBuffer> item) {}

    @Override
    public void onError(Throwable throwable) {
      body.completeExceptionally(throwable);
    }

    @Override
    public void onComplete() {
      body.cancel(false);
    }
  }

  /** Marks a failure to obtain credentials so it is not mistaken for a transport error. */
  private static final class CredentialsFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CredentialsFailure(Throwable cause) {
      super(cause);
    }
  }
}
