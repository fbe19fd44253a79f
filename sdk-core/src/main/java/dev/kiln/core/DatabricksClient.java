package dev.kiln.core;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.kiln.core.auth.CredentialsProvider;
import dev.kiln.core.error.ClientClosedException;
import dev.kiln.core.error.ConfigurationException;
import dev.kiln.core.error.DatabricksClientException;
import dev.kiln.core.internal.EnvProxy;
import dev.kiln.core.internal.HttpPipeline;
import dev.kiln.core.internal.JacksonVersions;
import dev.kiln.core.internal.Listeners;
import dev.kiln.core.spi.ClientInternals;
import dev.kiln.core.spi.Futures;
import dev.kiln.core.internal.UserAgent;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A connection to one Databricks workspace: the shared transport every API client
 * ({@code SqlClient.create(db)}, ...) is built on. Thread-safe; create one per workspace and
 * share it. Nothing is sent until the first call. {@link #close()} first closes what the API
 * clients registered (open execution contexts, running statements), then completes any work still
 * pending with {@code ClientClosedException} and releases what the client created (never a
 * user-supplied {@link HttpClient} or executor).
 */
public final class DatabricksClient implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DatabricksClient.class);
  /** Threads completing async calls; most are idle however many calls wait (see the constructor). */
  private static final int MAX_CALLBACK_THREADS = 8;
  /** Threads for modules' blocking work (chunk and stream reading). */
  private static final int MAX_WORKER_THREADS = 32;
  /** Threads the JDK client runs its short tasks on. */
  private static final int MAX_HTTP_THREADS = 4;

  private final DatabricksConfig config;
  private final HttpPipeline pipeline;
  /** Dropped on close, so that before Java 21 the JDK client can be collected and its selector thread end. */
  private volatile HttpClient httpClient;
  private final boolean ownsHttpClient;
  private final ExecutorService ownedHttpExecutor;
  private final ExecutorService ownedExecutor;
  private final Executor executor;
  private final ExecutorService ownedCallbacks;
  private final Executor callbacks;
  private final ScheduledExecutorService scheduler;
  private final boolean ownsScheduler;
  private final Clock clock;
  private final Sleeper sleeper;
  private final Set<AutoCloseable> closeHooks = Collections.synchronizedSet(new LinkedHashSet<>());
  /** Set first in close(): no new resources may register. */
  private final AtomicBoolean closing = new AtomicBoolean();
  /** Set once the registered resources are closed: no new calls. */
  private final AtomicBoolean closed = new AtomicBoolean();
  private Thread shutdownHook;
  /** Futures of work in progress (calls, polls) to fail with ClientClosedException on close. */
  private final Set<CompletableFuture<?>> pending = ConcurrentHashMap.newKeySet();
  private final ClientListener listener;
  private final ClientInternals internals = new Internals();

  static {
    ClientInternals.install(db -> db.internals);
  }

  private DatabricksClient(Builder b, DatabricksConfig config) {
    this.config = config;
    this.clock = b.clock;
    this.listener = b.listeners.isEmpty() ? ClientListener.none() : Listeners.of(b.listeners);
    int cpus = Runtime.getRuntime().availableProcessors();
    if (b.executor != null) {
      this.ownedExecutor = null;
      this.executor = b.executor;
      this.ownedCallbacks = null;
      this.callbacks = b.executor;
    } else {
      // Two pools, both bounded. Callbacks (completing async calls, running what callers chain on
      // them) run where the JDK client hands the answer over unless that is one of Kiln's threads
      // (see completeOffKilnThreads); then at most MAX_CALLBACK_THREADS threads, started on demand
      // and handed each task directly. When all are busy (say, callers' continuations blocking on other Kiln calls)
      // the pipeline completes the call on the JDK client's thread instead, so a blocked
      // continuation can never starve the completion it waits for. (A fork-join pool with managed
      // blocking was tried first: on JDK 17 a completion submitted while its idle workers timed
      // out could stay queued with no worker, hanging the call.)
      this.ownedCallbacks = callbackPool(MAX_CALLBACK_THREADS);
      this.callbacks = completeOffKilnThreads(ownedCallbacks);
      // Modules run blocking work here (reading result chunks and event streams as they arrive,
      // calling users' chunk consumers). Those tasks wait only for bytes the JDK client delivers on
      // its own threads, never for this pool, so a bound cannot deadlock them; it only queues work
      // beyond MAX_WORKER_THREADS. Threads start on demand and end after 30 s idle.
      ThreadPoolExecutor workers = new ThreadPoolExecutor(MAX_WORKER_THREADS, MAX_WORKER_THREADS,
          30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), daemonThreads("kiln-worker"));
      workers.allowCoreThreadTimeOut(true);
      this.ownedExecutor = workers;
      this.executor = workers;
    }
    if (b.scheduler != null) {
      this.scheduler = b.scheduler;
      this.ownsScheduler = false;
    } else {
      ScheduledThreadPoolExecutor s = new ScheduledThreadPoolExecutor(1, daemonThreads("kiln-scheduler"));
      s.setRemoveOnCancelPolicy(true);
      this.scheduler = s;
      this.ownsScheduler = true;
    }
    if (b.httpClient != null) {
      this.httpClient = b.httpClient;
      this.ownsHttpClient = false;
      this.ownedHttpExecutor = null;
    } else {
      // The JDK client runs only short, non-blocking tasks here, so a small fixed pool suffices
      // however many requests are in flight; callers' continuations run on `callbacks` instead.
      int threads = Math.max(2, Math.min(cpus, MAX_HTTP_THREADS));
      ThreadPoolExecutor http = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
          new LinkedBlockingQueue<>(), daemonThreads("kiln-http"));
      http.allowCoreThreadTimeOut(true);
      this.ownedHttpExecutor = http;
      HttpClient.Builder jdk = HttpClient.newBuilder()
          .connectTimeout(b.connectTimeout)
          .version(HttpClient.Version.HTTP_1_1)
          .followRedirects(HttpClient.Redirect.NEVER)
          .executor(ownedHttpExecutor);
      // Workspace calls, token requests and storage downloads all go through this one client, so
      // through the same proxy.
      // The resolved config's proxies even when host or credentials were overridden on the builder.
      DatabricksConfig proxySource = b.config != null ? b.config : config;
      ProxySelector proxy = b.proxySelector != null ? b.proxySelector : proxySource.proxySelector().orElse(null);
      if (proxy != null) {
        jdk.proxy(proxy);
      }
      this.httpClient = jdk.build();
      this.ownsHttpClient = true;
    }
    // Every sleep is tracked: close() ends the ones still pending (a timer on a scheduler that is
    // shut down would otherwise never fire).
    Sleeper base = b.sleeper != null ? b.sleeper : Sleeper.using(scheduler);
    this.sleeper = delay -> track(base.sleep(delay));
    String userAgent = UserAgent.of(config.credentials().authType(), b.userAgentSuffix);
    this.pipeline = new HttpPipeline(httpClient, config.host(), config.credentials(), b.retryPolicy,
        clock, sleeper, userAgent, b.readTimeout, callbacks, scheduler, listener, this::track, proxyAuthorization(b, config));
  }

  /**
   * What to send as {@code Proxy-Authorization}, only for requests that go through a proxy (never to a
   * server): the builder's proxy credentials with its or the environment's proxies, else the credentials
   * of the environment's proxy URLs. Only when Kiln creates the JDK client.
   */
  private static Function<URI, String> proxyAuthorization(Builder b, DatabricksConfig config) {
    if (b.httpClient != null) {
      return uri -> null;
    }
    DatabricksConfig source = b.config != null ? b.config : config;
    EnvProxy env = source.envProxy();
    ProxySelector selector = b.proxySelector != null ? b.proxySelector : env;
    if (b.proxyUser != null && selector != null) {
      String basic = EnvProxy.basic(b.proxyUser, b.proxyPassword);
      warnIfTunnelBasicDisabled();
      return uri -> selector.select(uri).stream().anyMatch(p -> p.type() == Proxy.Type.HTTP) ? basic : null;
    }
    if (b.proxySelector == null && env != null && env.hasCredentials()) {
      warnIfTunnelBasicDisabled();
      return env::proxyAuthorization;
    }
    return uri -> null;
  }

  /** The JDK drops Basic proxy credentials on HTTPS tunnels unless told otherwise; say so once. */
  private static void warnIfTunnelBasicDisabled() {
    String disabled = System.getProperty("jdk.http.auth.tunneling.disabledSchemes");
    if ((disabled == null || disabled.toLowerCase(java.util.Locale.ROOT).contains("basic")) && TUNNEL_WARNED.compareAndSet(false, true)) {
      LOG.warn("proxy credentials are set, but this JVM does not send Basic proxy credentials for https:// requests"
          + " (tunnels); run with -Djdk.http.auth.tunneling.disabledSchemes= to allow it");
    }
  }

  private static final AtomicBoolean TUNNEL_WARNED = new AtomicBoolean();

  /**
   * A builder for a client: set a host and credentials, or a {@link DatabricksConfig}; the rest has
   * defaults.
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Host and credentials from environment variables, then the {@code ~/.databrickscfg} profile. */
  public static DatabricksClient fromEnvironment() {
    JacksonVersions.requireSupported();
    return builder().config(DatabricksConfig.fromEnvironment()).build();
  }

  /** Host and credentials from the named {@code ~/.databrickscfg} profile (environment still wins). */
  public static DatabricksClient fromProfile(String profile) {
    JacksonVersions.requireSupported();
    return builder().config(DatabricksConfig.fromProfile(profile)).build();
  }

  /**
   * The configuration this client was built from: host, credentials and settings (secrets are not
   * shown by its {@code toString()}).
   */
  public DatabricksConfig config() {
    return config;
  }

  /**
   * The workspace URL every request path is resolved against, e.g.
   * {@code https://adb-123.4.azuredatabricks.net}.
   */
  public URI host() {
    return config.host();
  }

  /**
   * Sends a request and waits for its answer on the calling thread (retries' backoff included);
   * errors arrive as typed {@code DatabricksException}s.
   */
  public <T> ApiResponse<T> send(ApiRequest request, BodyReader<T> reader) {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(reader, "reader");
    if (closed.get()) {
      throw new ClientClosedException("this DatabricksClient is closed");
    }
    return pipeline.sendBlocking(request, reader);
  }

  /** Sends a request without blocking a thread while it is in flight or backing off. */
  public <T> CompletableFuture<ApiResponse<T>> sendAsync(ApiRequest request, BodyReader<T> reader) {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(reader, "reader");
    if (closed.get()) {
      return CompletableFuture.failedFuture(new ClientClosedException("this DatabricksClient is closed"));
    }
    return track(pipeline.send(request, reader));
  }

  /** Sends a request and decodes the JSON body as {@code type}. */
  public <T> T call(ApiRequest request, Class<T> type) {
    return send(request, BodyReader.json(type)).body();
  }

  /**
   * Sends a request and decodes the JSON body as the generic {@code type}, e.g. a
   * {@code List<String>}.
   */
  public <T> T call(ApiRequest request, TypeReference<T> type) {
    return send(request, BodyReader.json(type)).body();
  }

  /** Sends a request and decodes the JSON body; cancelling the future aborts the call. */
  public <T> CompletableFuture<T> callAsync(ApiRequest request, Class<T> type) {
    return Futures.map(sendAsync(request, BodyReader.json(type)), ApiResponse::body);
  }

  /**
   * Sends a request and decodes the JSON body as the generic {@code type}; cancelling the future
   * aborts the call.
   */
  public <T> CompletableFuture<T> callAsync(ApiRequest request, TypeReference<T> type) {
    return Futures.map(sendAsync(request, BodyReader.json(type)), ApiResponse::body);
  }

  /**
   * Registers a resource to close when this client closes (before its threads stop); see
   * {@link ClientInternals#onClose}.
   */
  private ClientInternals.Registration onClose(AutoCloseable resource) {
    Objects.requireNonNull(resource, "resource");
    if (closing.get()) {
      throw new ClientClosedException("this DatabricksClient is closed");
    }
    closeHooks.add(resource);
    installShutdownHook();
    return () -> closeHooks.remove(resource);
  }

  private <T> CompletableFuture<T> track(CompletableFuture<T> future) {
    if (future.isDone()) {
      return future;
    }
    if (closed.get()) {
      future.completeExceptionally(closedException());
      return future;
    }
    pending.add(future);
    future.whenComplete((v, e) -> pending.remove(future));
    if (closed.get()) { // close() ran between the check and the add: it may not have seen this one
      future.completeExceptionally(closedException());
    }
    return future;
  }

  private static ClientClosedException closedException() {
    return new ClientClosedException("the DatabricksClient was closed before this finished");
  }

  /**
   * Registered resources (open execution contexts above all) are also closed when the JVM exits
   * without this client being closed: a cluster has few context slots. One hook per client, taken
   * away again by close().
   */
  private synchronized void installShutdownHook() {
    if (shutdownHook != null || closing.get()) {
      return;
    }
    shutdownHook = new Thread(this::closeRegisteredResources, "kiln-shutdown");
    try {
      Runtime.getRuntime().addShutdownHook(shutdownHook);
    } catch (IllegalStateException jvmAlreadyExiting) {
      shutdownHook = null;
    }
  }

  private synchronized void removeShutdownHook() {
    if (shutdownHook == null || Thread.currentThread() == shutdownHook) {
      return;
    }
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException jvmAlreadyExiting) {
      // the hook is running or about to; it closes the same resources
    }
    shutdownHook = null;
  }

  private void closeRegisteredResources() {
    List<AutoCloseable> hooks;
    synchronized (closeHooks) {
      hooks = new ArrayList<>(closeHooks);
      closeHooks.clear();
    }
    Collections.reverse(hooks);
    for (AutoCloseable hook : hooks) {
      try {
        hook.close();
      } catch (Exception e) {
        LOG.warn("closing {} failed: {}", hook, e.toString());
      }
    }
  }

  /** True once {@link #close()} has begun. */
  public boolean isClosed() {
    return closing.get();
  }

  @Override
  public void close() {
    if (!closing.compareAndSet(false, true)) {
      return;
    }
    removeShutdownHook();
    // Resources close while the client still works: destroying a context is a request.
    closeRegisteredResources();
    closed.set(true);
    for (CompletableFuture<?> f : List.copyOf(pending)) {
      f.completeExceptionally(closedException());
    }
    pending.clear();
    pipeline.close(); // ends bodies still being read and exchanges still waiting for headers
    if (ownsScheduler) {
      scheduler.shutdownNow();
    }
    if (ownsHttpClient) {
      shutdownHttpClient();
    }
    httpClient = null;
    if (ownedHttpExecutor != null) {
      ownedHttpExecutor.shutdownNow();
    }
    if (ownedCallbacks != null) {
      ownedCallbacks.shutdownNow();
    }
    if (ownedExecutor != null) {
      ownedExecutor.shutdownNow();
    }
  }

  @Override
  public String toString() {
    return "DatabricksClient[host=" + config.host() + ", auth=" + config.credentials().authType() + "]";
  }

  /**
   * Java 21+ can stop the JDK client's selector thread; {@code shutdownNow} also aborts exchanges
   * still open (a cancelled call's, a stream nobody closed) instead of waiting for them as
   * {@code close} would. Found by reflection because Kiln targets Java 11.
   */
  private void shutdownHttpClient() {
    HttpClient client = httpClient;
    if (client == null) {
      return;
    }
    try {
      HttpClient.class.getMethod("shutdownNow").invoke(client);
    } catch (NoSuchMethodException olderJdk) {
      stopSelectorThread(client);
    } catch (ReflectiveOperationException | RuntimeException e) {
      LOG.debug("stopping the HTTP client failed: {}", e.toString());
    }
  }

  /**
   * Before Java 21 the JDK client's selector thread ends by itself only when it next wakes (every
   * 3 s) and finds the client unreachable. Its loop also ends when the thread is interrupted, which
   * closes the client's connections on the way out, so close() interrupts the selector thread of
   * the client it created (named {@code HttpClient-<id>-SelectorManager}, where {@code <id>} ends
   * the client's {@code toString()}), and nothing lingers after close() returns.
   */
  private static void stopSelectorThread(HttpClient client) {
    String text = client.toString();
    int open = text.lastIndexOf('(');
    if (open < 0 || !text.endsWith(")")) {
      return;
    }
    String name = "HttpClient-" + text.substring(open + 1, text.length() - 1) + "-SelectorManager";
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.getName().equals(name)) {
        t.interrupt();
      }
    }
  }

  private static ExecutorService callbackPool(int maxThreads) {
    // No queue: a task goes to an idle thread or a new one, else it is rejected (and run by the
    // caller, see HttpPipeline.onCallbackThread).
    ThreadPoolExecutor pool = new ThreadPoolExecutor(0, maxThreads, 30, TimeUnit.SECONDS,
        new SynchronousQueue<>(), daemonThreads("kiln-callback"));
    return pool;
  }


  private static ThreadFactory daemonThreads(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new KilnThread(r, prefix + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  /** Marks the threads Kiln created, which must not run callers' continuations. */
  private static final class KilnThread extends Thread {
    KilnThread(Runnable task, String name) {
      super(task, name);
    }
  }

  /**
   * Completes async calls where they finish when that is safe: the JDK client hands each answer
   * over on a thread of the common pool (or a fresh one), which may run callers' continuations as
   * any CompletableFuture's would. Only on Kiln's own threads (scheduler, JDK client pool, timers)
   * or the JDK client's selector does a completion hop to {@code pool}, so a continuation never
   * delays a poll, a timer or the client's I/O. This spares a thread handoff per call.
   */
  private static Executor completeOffKilnThreads(ExecutorService pool) {
    return task -> {
      Thread t = Thread.currentThread();
      if (t instanceof KilnThread || t.getName().startsWith("HttpClient-")) {
        pool.execute(task);
      } else {
        task.run();
      }
    };
  }

  /** The accessor Kiln's API modules reach through {@link ClientInternals#of}. */
  private final class Internals extends ClientInternals {
    @Override
    public ScheduledExecutorService scheduler() {
      return scheduler;
    }

    @Override
    public Executor executor() {
      return executor;
    }

    @Override
    public Clock clock() {
      return clock;
    }

    @Override
    public Sleeper sleeper() {
      return sleeper;
    }

    @Override
    public Registration onClose(AutoCloseable resource) {
      return DatabricksClient.this.onClose(resource);
    }

    @Override
    public <T> CompletableFuture<T> track(CompletableFuture<T> future) {
      return DatabricksClient.this.track(future);
    }

    @Override
    public ClientListener listener() {
      return listener;
    }

    @Override
    public CompletableFuture<java.util.Map<String, String>> credentialHeaders() {
      return track(pipeline.credentialHeaders());
    }
  }

  /** Builder for {@link DatabricksClient}. */
  public static final class Builder {
    private String host;
    private CredentialsProvider credentials;
    private DatabricksConfig config;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration readTimeout = Duration.ofMinutes(5);
    private RetryPolicy retryPolicy = RetryPolicy.defaults();
    private String userAgentSuffix;
    private HttpClient httpClient;
    private Executor executor;
    private ScheduledExecutorService scheduler;
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper;
    private ProxySelector proxySelector;
    private String proxyUser;
    private String proxyPassword;
    private final List<ClientListener> listeners = new ArrayList<>();

    private Builder() {}

    /** Adds a listener for requests, responses, retries, polls and status changes (metrics, tracing). */
    public Builder listener(ClientListener value) {
      listeners.add(Objects.requireNonNull(value, "listener"));
      return this;
    }

    /** The workspace URL, e.g. {@code https://adb-123.4.azuredatabricks.net}; a bare name gets https. */
    public Builder host(String host) {
      this.host = host;
      return this;
    }

    /**
     * How requests are signed in, e.g. {@code Credentials.personalAccessToken(token)}; wins over
     * the config's.
     */
    public Builder credentials(CredentialsProvider credentials) {
      this.credentials = credentials;
      return this;
    }

    /** Host and credentials from a resolved config; explicit {@link #host}/{@link #credentials} win. */
    public Builder config(DatabricksConfig config) {
      this.config = config;
      return this;
    }

    /**
     * Longest wait for a TCP/TLS connection, per attempt; 10 seconds by default.
     *
     * @throws IllegalArgumentException when {@code value} is null, zero or negative
     */
    public Builder connectTimeout(Duration value) {
      this.connectTimeout = requirePositive(value, "connectTimeout");
      return this;
    }

    /** Longest wait for a response's headers, per attempt. */
    public Builder readTimeout(Duration value) {
      this.readTimeout = requirePositive(value, "readTimeout");
      return this;
    }

    /**
     * When and how long to wait before sending a failed request again;
     * {@link RetryPolicy#defaults()} by default.
     */
    public Builder retryPolicy(RetryPolicy value) {
      this.retryPolicy = Objects.requireNonNull(value, "retryPolicy");
      return this;
    }

    /** Appended to the User-Agent, e.g. {@code my-app/1.2}. */
    public Builder userAgentSuffix(String value) {
      this.userAgentSuffix = UserAgent.validateSuffix(value);
      return this;
    }

    /** Use this JDK client (its executor, proxy, SSL settings); it is never closed by Kiln. */
    public Builder httpClient(HttpClient value) {
      this.httpClient = value;
      return this;
    }

    /**
     * Routes requests (workspace calls, token requests, storage downloads) through proxies; replaces the
     * proxies a config read from {@code HTTPS_PROXY}/{@code HTTP_PROXY}/{@code NO_PROXY}. Not used with
     * {@link #httpClient}, which has its own.
     */
    public Builder proxySelector(ProxySelector value) {
      this.proxySelector = Objects.requireNonNull(value, "proxySelector");
      return this;
    }

    /**
     * Basic credentials sent as {@code Proxy-Authorization} on requests the proxy selector (this builder's,
     * else the environment's) routes through a proxy, never to a server. Replaces credentials in
     * {@code HTTPS_PROXY}/{@code HTTP_PROXY}. The JDK sends them through an HTTPS tunnel only with
     * {@code -Djdk.http.auth.tunneling.disabledSchemes=}.
     */
    public Builder proxyCredentials(String user, String password) {
      if (user == null || user.isEmpty() || password == null) {
        throw new IllegalArgumentException("proxyCredentials needs a user and a password");
      }
      this.proxyUser = user;
      this.proxyPassword = password;
      return this;
    }

    /** Runs callbacks and decoding work; never shut down by Kiln. */
    public Builder executor(Executor value) {
      this.executor = value;
      return this;
    }

    /** Schedules retries' backoff and polls; never shut down by Kiln. */
    public Builder scheduler(ScheduledExecutorService value) {
      this.scheduler = value;
      return this;
    }

    /**
     * The clock that dates token expiry and deadlines; the UTC system clock by default (tests move
     * their own).
     */
    public Builder clock(Clock value) {
      this.clock = Objects.requireNonNull(value, "clock");
      return this;
    }

    /** Replaces the timer used between retries and polls (tests inject one that does not wait). */
    public Builder sleeper(Sleeper value) {
      this.sleeper = value;
      return this;
    }

    /**
     * Builds the client; it owns threads and connections until {@link DatabricksClient#close()}.
     *
     * @throws ConfigurationException when neither a host nor a config with one was given, or no
     *     credentials, or when the class path holds a Jackson older than 2.12 (the message names the
     *     versions found)
     */
    public DatabricksClient build() {
      JacksonVersions.requireSupported();
      String h = host != null ? host : config != null ? config.host().toString() : null;
      CredentialsProvider c = credentials != null ? credentials : config != null ? config.credentials() : null;
      if (h == null) {
        throw new ConfigurationException("no workspace host: call host(...) or config(DatabricksConfig.fromEnvironment())");
      }
      if (c == null) {
        throw new ConfigurationException("no credentials: call credentials(Credentials.personalAccessToken(token)) or similar");
      }
      DatabricksConfig resolved = config != null && host == null && credentials == null ? config : DatabricksConfig.of(h, c);
      return new DatabricksClient(this, resolved);
    }

    private static Duration requirePositive(Duration d, String name) {
      if (d == null || d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(name + " must be positive, was " + d);
      }
      return d;
    }
  }
}
