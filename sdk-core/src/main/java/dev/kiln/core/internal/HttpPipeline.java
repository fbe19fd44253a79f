package dev.kiln.core.internal;

import dev.kiln.core.ApiRequest;
import dev.kiln.core.ApiResponse;
import dev.kiln.core.BodyReader;
import dev.kiln.core.ClientListener;
import dev.kiln.core.Json;
import dev.kiln.core.RequestEvent;
import dev.kiln.core.spi.Futures;
import dev.kiln.core.RetryPolicy;
import dev.kiln.core.Sleeper;
import dev.kiln.core.auth.AuthContext;
import dev.kiln.core.auth.CredentialsProvider;
import dev.kiln.core.error.ClientClosedException;
import dev.kiln.core.error.DatabricksClientException;
import dev.kiln.core.error.DatabricksException;
import dev.kiln.core.error.DatabricksServiceException;
import dev.kiln.core.error.InvalidRequestException;
import dev.kiln.core.error.OperationInterruptedException;
import dev.kiln.core.error.OperationTimeoutException;
import dev.kiln.core.error.ReadTimeoutException;
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
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every request goes through here, in a fixed order: retry loop → credentials → logging → JDK
 * client → error mapping. Two drivers share one set of decisions ({@link Call#onResponse},
 * {@link Call#onFailure}: status mapping, what is retryable, Retry-After, one credential refresh
 * after 401, the overall deadline):
 * <ul>
 *   <li>{@link #sendBlocking} sends on the caller's thread with {@code HttpClient.send} and waits
 *       out retry backoff there (through the {@link Sleeper}'s future), with no hop to another
 *       thread;
 *   <li>{@link #send} uses {@code HttpClient.sendAsync} and chains retries through the sleeper, so
 *       no thread waits while a request is in flight or backing off; its result completes on the
 *       callback executor, so callers' continuations never run on the HTTP client's threads.
 * </ul>
 * Every body (2xx of any {@link BodyReader} kind, and error bodies) is read through a
 * {@link StallGuard}, so {@code readTimeout} bounds each silence, headers or body.
 */
public final class HttpPipeline implements AuthContext {
  private static final Logger LOG = LoggerFactory.getLogger("dev.kiln.http");

  /** Query parameters whose values are safe to log; others are logged as {@code name=***}. */
  private static final Set<String> LOGGABLE_QUERY = Set.of(
      "page_size", "cluster_id", "clusterId", "contextId", "commandId", "endpoint_name", "max_results");

  /** What listeners see as the path of a request outside the workspace (a presigned link). */
  static final String EXTERNAL_PATH = "{external_link}";

  /** Numbers calls for listeners, so that a call's events can be told from a concurrent one's. */
  private static final AtomicLong CALL_IDS = new AtomicLong();

  /** Dropped on close, so that on JDKs before 21 the JDK client can be collected and its thread end. */
  private volatile HttpClient http;
  private final URI host;
  private final CredentialsProvider credentials;
  private final RetryPolicy retry;
  private final Clock clock;
  private final Sleeper sleeper;
  private final String userAgent;
  private final Duration readTimeout;
  private final Executor callbacks;
  private final ScheduledExecutorService timer;
  private final ClientListener listener;
  private final Tracker tracker;
  /** {@code Proxy-Authorization} for a URI sent through an authenticating proxy, else null. */
  private final Function<URI, String> proxyAuthorization;
  /** Bodies being read (or handed to a caller as a stream): aborted on close. */
  private final Set<StallGuard<?>> liveBodies = ConcurrentHashMap.newKeySet();
  /** Blocking sends in flight: interrupted on close. */
  private final Set<BlockingSend> liveSends = ConcurrentHashMap.newKeySet();
  /** The JDK's own futures of async exchanges in flight: cancelled on close. */
  private final Set<CompletableFuture<?>> liveExchanges = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  /** Registers a future to be failed with {@code ClientClosedException} when the client closes. */
  public interface Tracker {
    <T> CompletableFuture<T> track(CompletableFuture<T> future);
  }

  /**
   * {@code callbacks} completes the futures handed to async callers; {@code timer} runs the stall
   * checks (one task per body per timeout period); {@code tracker} fails a blocking call's backoff
   * wait when the client closes.
   */
  public HttpPipeline(HttpClient http, URI host, CredentialsProvider credentials, RetryPolicy retry,
      Clock clock, Sleeper sleeper, String userAgent, Duration readTimeout, Executor callbacks,
      ScheduledExecutorService timer, ClientListener listener, Tracker tracker) {
    this(http, host, credentials, retry, clock, sleeper, userAgent, readTimeout, callbacks, timer, listener, tracker, uri -> null);
  }

  /**
   * As above; {@code proxyAuthorization} gives the {@code Proxy-Authorization} value for a URI that goes
   * through an authenticating proxy (null otherwise). Sent up front rather than through a JDK
   * {@code Authenticator}, which would make the JDK client drop the request's own {@code Authorization}.
   */
  public HttpPipeline(HttpClient http, URI host, CredentialsProvider credentials, RetryPolicy retry,
      Clock clock, Sleeper sleeper, String userAgent, Duration readTimeout, Executor callbacks,
      ScheduledExecutorService timer, ClientListener listener, Tracker tracker, Function<URI, String> proxyAuthorization) {
    this.proxyAuthorization = proxyAuthorization;
    this.http = http;
    this.host = host;
    this.credentials = credentials;
    this.retry = retry;
    this.clock = clock;
    this.sleeper = sleeper;
    this.userAgent = userAgent;
    this.readTimeout = readTimeout;
    this.callbacks = callbacks;
    this.timer = timer;
    this.listener = listener;
    this.tracker = tracker;
  }

  @Override
  public URI host() {
    return host;
  }

  @Override
  public Clock clock() {
    return clock;
  }


  /** The credentials' headers for a workspace request, as they would be sent now. */
  public CompletableFuture<Map<String, String>> credentialHeaders() {
    return credentials.headers(this);
  }

  /** Sends without blocking a thread; the future completes on the callback executor. */
  @Override
  public <T> CompletableFuture<ApiResponse<T>> send(ApiRequest request, BodyReader<T> reader) {
    Call<T> call = new Call<>(request, reader);
    call.start();
    return call.result;
  }

  /** Sends on the calling thread and waits there (also through retries' backoff). */
  public <T> ApiResponse<T> sendBlocking(ApiRequest request, BodyReader<T> reader) {
    return new Call<>(request, reader).runBlocking();
  }

  /**
   * Stops everything in flight: bodies being read end with {@code ClientClosedException} (closing
   * their connections), async exchanges still waiting for headers are cancelled, and the JDK client
   * is no longer referenced from here.
   */
  public void close() {
    closed = true;
    for (StallGuard<?> g : List.copyOf(liveBodies)) {
      g.abort(StallGuard.Reason.CLOSED);
    }
    for (CompletableFuture<?> f : List.copyOf(liveExchanges)) {
      f.cancel(true);
    }
    for (BlockingSend b : List.copyOf(liveSends)) {
      b.interruptForClose();
    }
    liveBodies.clear();
    liveExchanges.clear();
    liveSends.clear();
    http = null;
  }

  private HttpClient client() {
    HttpClient h = http;
    if (h == null || closed) {
      throw new ClientClosedException("the DatabricksClient was closed before this finished");
    }
    return h;
  }

  /**
   * A caller's thread inside {@code HttpClient.send}. close() interrupts it only while it is still
   * inside (under the lock), and the interrupt it caused is cleared when the call leaves, so no
   * stray interrupt reaches the caller's own code.
   */
  private static final class BlockingSend {
    private final Thread thread = Thread.currentThread();
    private boolean done;
    private boolean interruptedByClose;

    synchronized void interruptForClose() {
      if (!done) {
        interruptedByClose = true;
        thread.interrupt();
      }
    }

    /** Marks the send finished; true when close() interrupted it (that interrupt is then cleared). */
    synchronized boolean finish() {
      done = true;
      if (interruptedByClose) {
        Thread.interrupted();
      }
      return interruptedByClose;
    }
  }

  /** The next step after an attempt: done, failed, or try again after {@code delay}. */
  private static final class Decision<T> {
    final ApiResponse<T> response;
    final Throwable error;
    final Duration delay;

    private Decision(ApiResponse<T> response, Throwable error, Duration delay) {
      this.response = response;
      this.error = error;
      this.delay = delay;
    }

    static <T> Decision<T> done(ApiResponse<T> response) {
      return new Decision<>(response, null, null);
    }

    static <T> Decision<T> fail(Throwable error) {
      return new Decision<>(null, error, null);
    }

    static <T> Decision<T> retry(Duration delay) {
      return new Decision<>(null, null, delay);
    }
  }

  /** One logical request and its attempts. */
  private final class Call<T> {
    final ApiRequest request;
    final BodyReader<T> reader;
    final byte[] body;
    final String contentType;
    final CompletableFuture<ApiResponse<T>> result = new CompletableFuture<>();
    final Instant started = clock.instant();
    final long startedNanos = System.nanoTime();
    final String targetHost;
    final String pathTemplate;
    final long callId = CALL_IDS.incrementAndGet();
    final int targetPort;
    final String targetUrl;
    /** The long-running operation this call polls or cancels (null when none). */
    final String operationKind;
    final String operationId;
    /** The call whose answer was being handed over when this one was made (0 when none). */
    final long parentCallId;
    volatile int attempt;
    /** The last attempt's status and request id, for {@code callFinished}. */
    volatile int lastStatus = -1;
    volatile String lastRequestId;
    private final AtomicBoolean finished = new AtomicBoolean();
    boolean credentialsRefreshed;
    volatile CompletableFuture<?> inFlight;
    /**
     * Why the guard ended this attempt's body: some JDKs (25) fail the exchange with their own
     * "subscription cancelled" instead of the error the guard handed the body subscriber.
     */
    volatile Throwable guardFailure;

    Duration overallTimeout() {
      return request.overallTimeout().orElse(retry.overallTimeout());
    }

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
      this.targetHost = request.absoluteUri().map(URI::getHost).orElse(host.getHost());
      this.pathTemplate = request.absoluteUri().isPresent() ? EXTERNAL_PATH : request.pathTemplate();
      URI target = request.absoluteUri().orElse(host);
      this.targetPort = target.getPort() >= 0 ? target.getPort() : "http".equalsIgnoreCase(target.getScheme()) ? 80 : 443;
      this.targetUrl = listenerUrl(request, host);
      this.operationKind = EventScope.operationKind();
      this.operationId = EventScope.operationId();
      this.parentCallId = EventScope.handingOverCall();
    }

    /** A listener event for this call, filled with what every event of it shares. */
    RequestEvent.Builder event() {
      return RequestEvent.builder(request.method(), pathTemplate, targetHost).callId(callId).port(targetPort)
          .url(targetUrl).operation(operationKind, operationId).parentCallId(parentCallId);
    }

    void callStarted() {
      listener.callStarted(event().attempt(0).build());
    }

    /** Once per call: after its result was handed over (see start()), or before a blocking call returns. */
    void callFinished(Throwable failure) {
      if (!finished.compareAndSet(false, true)) {
        return;
      }
      listener.callFinished(event().attempt(attempt).statusCode(lastStatus).requestId(lastRequestId)
          .elapsed(Duration.ofNanos(System.nanoTime() - startedNanos))
          .errorType(failure == null ? null : Futures.unwrap(failure).getClass().getName()).build());
    }

    // ---- blocking driver: the caller's thread does everything ----

    ApiResponse<T> runBlocking() {
      callStarted();
      ApiResponse<T> response;
      try {
        response = attemptsBlocking();
      } catch (RuntimeException | Error e) {
        callFinished(e);
        throw e;
      }
      callFinished(null);
      return response;
    }

    private ApiResponse<T> attemptsBlocking() {
      while (true) {
        if (closed) {
          throw new ClientClosedException("the DatabricksClient is closed");
        }
        attempt++;
        Map<String, String> auth = blockingCredentials();
        long t0 = System.nanoTime();
        announce();
        Decision<T> d;
        // HttpClient.send itself, not sendAsync().get(): only send skips the JDK's hop through the
        // common pool, which on small machines starts a thread per call. close() reaches a send
        // still waiting for headers by interrupting it (JDK 17 has no shutdownNow).
        BlockingSend sending = new BlockingSend();
        liveSends.add(sending);
        try {
          d = onResponse(client().send(httpRequest(auth), this::handle), auth, millisSince(t0));
        } catch (IOException e) {
          d = onFailure(e, millisSince(t0));
        } catch (InterruptedException e) {
          if (sending.finish()) {
            throw new ClientClosedException("the DatabricksClient was closed before " + request + " finished");
          }
          Thread.currentThread().interrupt();
          throw new OperationInterruptedException("interrupted while waiting for " + request, e);
        } finally {
          sending.finish();
          liveSends.remove(sending);
        }
        if (d.response != null) {
          return d.response;
        }
        if (d.error != null) {
          throw asUnchecked(d.error);
        }
        if (!d.delay.isZero()) {
          Futures.join(tracker.track(sleeper.sleep(d.delay)));
        }
      }
    }

    private Map<String, String> blockingCredentials() {
      if (!request.authenticated()) {
        return Map.of();
      }
      try {
        return credentials.headers(HttpPipeline.this).get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new OperationInterruptedException("interrupted while getting credentials for " + request, e);
      } catch (ExecutionException e) {
        throw asUnchecked(Futures.unwrap(e));
      }
    }

    // ---- async driver: no thread waits ----

    void start() {
      callStarted();
      // The first dependent of the result, so it runs after the caller's own (synchronous)
      // continuations, which see this call as the one being handed over.
      result.whenComplete((r, e) -> {
        callFinished(e);
        if (e != null) {
          // Cancelled or failed from outside (a closing client): stop a pending backoff or
          // credentials fetch. The JDK's own exchange is left to reach its headers (JDKs differ in
          // what cancelling it does to the connection); handle() then refuses the body, which
          // always closes it. A closing client cancels the exchange itself (see close()).
          cancelIfPresent(inFlight);
        }
      });
      attempt();
    }

    void attempt() {
      if (result.isDone()) {
        return;
      }
      if (closed) {
        result.completeExceptionally(new ClientClosedException("the DatabricksClient is closed"));
        return;
      }
      attempt++;
      CompletableFuture<Map<String, String>> auth = request.authenticated()
          ? credentials.headers(HttpPipeline.this).handle((h, e) -> {
              if (e != null) {
                throw new CompletionException(new CredentialsFailure(Futures.unwrap(e)));
              }
              return h;
            })
          : CompletableFuture.completedFuture(Map.of());
      long[] t0 = {System.nanoTime()};
      CompletableFuture<Attempt<T>> f = auth.thenCompose(headers -> {
        t0[0] = System.nanoTime();
        announce();
        CompletableFuture<HttpResponse<Outcome<T>>> exchange = client().sendAsync(httpRequest(headers), this::handle);
        liveExchanges.add(exchange);
        exchange.whenComplete((x, y) -> liveExchanges.remove(exchange));
        return exchange.thenApply(resp -> new Attempt<>(resp, headers));
      });
      inFlight = f;
      f.whenComplete((a, e) -> {
        long ms = millisSince(t0[0]);
        Decision<T> d;
        try {
          d = e != null ? onFailure(Futures.unwrap(e), ms) : onResponse(a.response, a.authHeaders, ms);
        } catch (RuntimeException unexpected) {
          d = Decision.fail(unexpected);
        }
        proceed(d);
      });
    }

    void proceed(Decision<T> d) {
      if (d.response != null) {
        ApiResponse<T> response = d.response;
        onCallbackThread(() -> EventScope.handingOver(callId, () -> {
          if (!result.complete(response)) {
            closeQuietly(response.body()); // cancelled meanwhile: nobody will read or close a stream body
          }
        }));
      } else if (d.error != null) {
        onCallbackThread(() -> EventScope.handingOver(callId, () -> result.completeExceptionally(d.error)));
      } else if (d.delay.isZero()) {
        attempt();
      } else {
        CompletableFuture<Void> wait;
        try {
          wait = sleeper.sleep(d.delay);
        } catch (RuntimeException e) { // a sleeper on a scheduler already shut down
          onCallbackThread(() -> result.completeExceptionally(
              new ClientClosedException("cannot wait to retry " + request + ": " + e, e)));
          return;
        }
        inFlight = wait;
        wait.whenComplete((v, e) -> {
          if (e == null) {
            attempt();
          } else if (!result.isDone()) {
            Throwable cause = Futures.unwrap(e);
            onCallbackThread(() -> result.completeExceptionally(cause));
          }
        });
      }
    }

    // ---- shared: the request, the body, and every decision ----

    HttpRequest httpRequest(Map<String, String> authHeaders) {
      Duration perAttempt = request.timeout().orElse(readTimeout);
      Duration left = Duration.between(clock.instant(), started.plus(overallTimeout()));
      Duration headerTimeout = left.compareTo(perAttempt) < 0 ? left : perAttempt;
      if (headerTimeout.toMillis() < 1) {
        headerTimeout = Duration.ofMillis(1);
      }
      URI target = request.resolve(host);
      HttpRequest.Builder b = HttpRequest.newBuilder(target)
          .timeout(headerTimeout)
          .header("User-Agent", userAgent);
      String proxyAuth = proxyAuthorization.apply(target);
      if (proxyAuth != null) {
        b.header("Proxy-Authorization", proxyAuth);
      }
      if (!request.headers().containsKey("Accept") && request.absoluteUri().isEmpty()) {
        b.header("Accept", "application/json");
      }
      if (contentType != null) {
        b.header("Content-Type", contentType);
      }
      request.headers().forEach(b::header);
      authHeaders.forEach(b::header);
      b.method(request.method(), publisher());
      return b.build();
    }

    private HttpRequest.BodyPublisher publisher() {
      if (request.streamBody().isPresent()) {
        HttpRequest.BodyPublisher stream = HttpRequest.BodyPublishers.ofInputStream(request.streamBody().get());
        long length = request.streamLength();
        return length < 0 ? stream : HttpRequest.BodyPublishers.fromPublisher(stream, length);
      }
      return body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body);
    }

    HttpResponse.BodySubscriber<Outcome<T>> handle(HttpResponse.ResponseInfo info) {
      if (result.isDone() || closed) {
        // The caller gave up (or the client closed) before the headers came: refusing the body
        // closes the connection.
        return new RefusedBody<>();
      }
      HttpResponse.BodySubscriber<Outcome<T>> inner = info.statusCode() / 100 == 2
          ? HttpResponse.BodySubscribers.mapping(reader.subscriber(info), Outcome::success)
          : HttpResponse.BodySubscribers.mapping(HttpResponse.BodySubscribers.ofByteArray(), Outcome::error);
      return guard(inner, info.statusCode());
    }

    private HttpResponse.BodySubscriber<Outcome<T>> guard(HttpResponse.BodySubscriber<Outcome<T>> inner, int status) {
      long timeout = request.timeout().orElse(readTimeout).toNanos();
      Duration left = Duration.between(clock.instant(), started.plus(overallTimeout()));
      long deadline = System.nanoTime() + Math.max(0, saturatedNanos(left));
      int thisAttempt = attempt;
      StallGuard<Outcome<T>> g = new StallGuard<>(inner, timeout, deadline, timer, reason -> {
        Throwable failure = guardFailure(reason, status, thisAttempt);
        guardFailure = failure;
        return failure;
      }, liveBodies::remove);
      liveBodies.add(g);
      if (closed) {
        g.abort(StallGuard.Reason.CLOSED);
      }
      return g;
    }

    private Throwable guardFailure(StallGuard.Reason reason, int status, int thisAttempt) {
        switch (reason) {
          case SILENCE:
            return new ReadTimeoutException("no data for " + readTimeoutText() + " while reading the "
                + status + " answer to " + request + " from " + targetHost, null, thisAttempt);
          case DEADLINE:
            return new OperationTimeoutException(request + " to " + targetHost
                + " did not complete within the overall timeout of " + overallTimeout());
          default:
            return new ClientClosedException("the DatabricksClient was closed while reading the answer to " + request);
        }
    }

    private String readTimeoutText() {
      return request.timeout().orElse(readTimeout).toMillis() + " ms";
    }

    Decision<T> onResponse(HttpResponse<Outcome<T>> resp, Map<String, String> authHeaders, long ms) {
      int status = resp.statusCode();
      String requestId = ApiResponse.requestIdOf(resp.headers()).orElse(null);
      Outcome<T> outcome = resp.body();
      if (outcome.ok) {
        report(status, ms, requestId, null, null);
        return Decision.done(new ApiResponse<>(status, resp.headers(), outcome.value, attempt));
      }
      String contentType = resp.headers().firstValue("Content-Type").orElse(null);
      Collection<String> secrets = Redaction.secretsOf(authHeaders);
      DatabricksServiceException error = request.absoluteUri().isPresent()
          ? ErrorMapper.mapExternal(status, outcome.errorBody, contentType, requestId)
          : ErrorMapper.map(status, outcome.errorBody, contentType, requestId, secrets);
      if (status == 401 && request.authenticated() && !credentialsRefreshed
          && credentials.refreshAfterUnauthorized(authHeaders)) {
        credentialsRefreshed = true;
        report(status, ms, requestId, Duration.ZERO, error);
        return Decision.retry(Duration.ZERO);
      }
      boolean retryable = error.isRetryable()
          || (request.idempotent() && (status == 500 || status == 502 || status == 504));
      return retryOrFail(retryable, error, retryAfter(resp.headers()), status, ms, requestId);
    }

    Decision<T> onFailure(Throwable failure, long ms) {
      Throwable guarded = guardFailure;
      guardFailure = null;
      Throwable cause = guarded != null && find(failure, DatabricksException.class) == null ? guarded : failure;
      if (result.isDone()) {
        return Decision.fail(cause);
      }
      if (cause instanceof CredentialsFailure) {
        report(-1, ms, null, null, cause.getCause());
        return Decision.fail(cause.getCause());
      }
      DatabricksException typed = find(cause, DatabricksException.class);
      if (typed instanceof ReadTimeoutException) {
        // The body went silent: repeat only what is safe to repeat.
        return retryOrFail(request.idempotent(), new ReadTimeoutException(request + " to " + targetHost
            + " timed out after " + attempt + " attempt(s): " + typed.getMessage(), typed, attempt),
            null, -1, ms, null);
      }
      if (typed != null) {
        report(-1, ms, null, null, typed);
        return Decision.fail(typed);
      }
      UncheckedIOException unreadable = find(cause, UncheckedIOException.class);
      if (unreadable != null) {
        DatabricksClientException error = new DatabricksClientException(
            "cannot read the answer to " + request + ": " + unreadable.getMessage(), unreadable);
        report(-1, ms, null, null, error);
        return Decision.fail(error);
      }
      if (closed) {
        ClientClosedException error = new ClientClosedException("the DatabricksClient was closed before " + request + " finished", cause);
        report(-1, ms, null, null, error);
        return Decision.fail(error);
      }
      boolean neverSent = isConnectFailure(cause);
      boolean retryable = neverSent || (request.idempotent() && cause instanceof IOException);
      String what = cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
      String message = request + " to " + targetHost + " failed after " + attempt + " attempt(s): " + what;
      TransportException error = isHeaderTimeout(cause)
          ? new ReadTimeoutException(message + " (no answer within " + readTimeoutText() + ")", cause, attempt)
          : new TransportException(message, cause, attempt);
      return retryOrFail(retryable, error, null, -1, ms, null);
    }

    Decision<T> retryOrFail(boolean retryable, DatabricksException error, Duration retryAfter, int status, long ms, String requestId) {
      if (!retryable || attempt >= retry.maxAttempts()) {
        report(status, ms, requestId, null, error);
        return Decision.fail(withAttempts(error));
      }
      Duration delay = retryAfter != null ? min(retryAfter, retry.maxRetryAfter()) : retry.backoff(attempt);
      if (clock.instant().plus(delay).isAfter(started.plus(overallTimeout()))) {
        report(status, ms, requestId, null, error);
        return Decision.fail(withAttempts(error));
      }
      report(status, ms, requestId, delay, error);
      return Decision.retry(delay);
    }

    private Throwable withAttempts(Throwable error) {
      if (error instanceof DatabricksServiceException) {
        ErrorAccess.recordAttempts((DatabricksServiceException) error, attempt);
      }
      return error;
    }

    void onCallbackThread(Runnable completion) {
      try {
        callbacks.execute(completion);
      } catch (RejectedExecutionException closing) {
        completion.run();
      }
    }

    /** An attempt is about to go out. */
    void announce() {
      listener.requestSent(event().attempt(attempt).build());
    }

    /** An attempt ended: log it and tell listeners (and, with {@code retryIn}, that it will be repeated). */
    void report(int status, long ms, String requestId, Duration retryIn, Throwable error) {
      lastStatus = status;
      lastRequestId = requestId;
      RequestEvent.Builder event = event().attempt(attempt).statusCode(status).elapsed(Duration.ofMillis(ms))
          .requestId(requestId).errorType(error == null ? null : error.getClass().getName());
      listener.responseReceived(event.build());
      if (retryIn != null) {
        listener.retryScheduled(event.retryDelay(retryIn).build());
      }
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

  private static long millisSince(long t0) {
    return (System.nanoTime() - t0) / 1_000_000;
  }

  private static long saturatedNanos(Duration d) {
    try {
      return d.toNanos();
    } catch (ArithmeticException e) {
      return d.isNegative() ? Long.MIN_VALUE / 2 : Long.MAX_VALUE / 2;
    }
  }

  private static <X extends Throwable> X find(Throwable t, Class<X> type) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (type.isInstance(c)) {
        return type.cast(c);
      }
      if (c.getCause() == c) {
        break;
      }
    }
    return null;
  }

  private static RuntimeException asUnchecked(Throwable t) {
    if (t instanceof RuntimeException) {
      return (RuntimeException) t;
    }
    if (t instanceof Error) {
      throw (Error) t;
    }
    return new DatabricksClientException(String.valueOf(t.getMessage()), t);
  }

  static boolean isHeaderTimeout(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof HttpTimeoutException && !(c instanceof HttpConnectTimeoutException)) {
        return true;
      }
    }
    return false;
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

  /**
   * The request's URL for listeners: no query string or fragment, no user info, and nothing but
   * scheme and host for a URL that is itself a credential.
   */
  static String listenerUrl(ApiRequest request, URI workspace) {
    if (request.absoluteUri().isPresent()) {
      URI u = request.absoluteUri().get();
      String origin = u.getScheme() + "://" + u.getHost() + (u.getPort() >= 0 ? ":" + u.getPort() : "");
      return request.secretTarget() ? null : origin + (u.getRawPath() == null ? "" : u.getRawPath());
    }
    String base = workspace.toString();
    return (base.endsWith("/") && request.path().startsWith("/") ? base.substring(0, base.length() - 1) : base)
        + request.path();
  }

  /**
   * Path and allow-listed query for logs; presigned URLs lose their query string entirely, and a URL
   * that is itself a credential (a metadata service's) its path too.
   */
  static String loggableTarget(ApiRequest request) {
    if (request.absoluteUri().isPresent()) {
      URI u = request.absoluteUri().get();
      return u.getScheme() + "://" + u.getRawAuthority() + (request.secretTarget() ? "/***" : u.getRawPath());
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
