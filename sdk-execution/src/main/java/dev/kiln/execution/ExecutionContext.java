package dev.kiln.execution;

import dev.kiln.core.DatabricksClient;
import dev.kiln.core.error.ClientClosedException;
import dev.kiln.core.error.DatabricksClientException;
import dev.kiln.core.error.InvalidRequestException;
import dev.kiln.core.spi.Args;
import dev.kiln.core.spi.Calls;
import dev.kiln.core.spi.ClientInternals;
import dev.kiln.core.spi.Futures;
import dev.kiln.execution.internal.CodeText;
import dev.kiln.execution.internal.ExecutionApi;
import dev.kiln.execution.model.CommandResult;
import dev.kiln.execution.model.Language;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A REPL on a cluster (API 1.2): variables defined by one command are seen by the next. Each
 * cluster allows only a limited number of contexts, so always close it — use try-with-resources.
 * {@link #close()} cancels the commands still running, destroys the context on the cluster, is
 * idempotent, and throws an unchecked exception if the destroy fails (try-with-resources adds it as
 * suppressed to an exception already in flight). Contexts still open when the
 * {@link DatabricksClient} closes are closed then, and their pending commands fail with
 * {@code ClientClosedException}. Thread-safe: commands may be submitted concurrently; the cluster
 * runs them in order.
 *
 * <p>Cancelling a future of this class (or interrupting a blocking call) while the submit request
 * is still in flight does not lose the command: its answer is read and the command cancelled on the
 * cluster.
 */
public final class ExecutionContext implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ExecutionContext.class);
  /** The longest close() blocks for the destroy call, even on an interrupted thread. */
  private static final Duration CLOSE_WAIT = Duration.ofMinutes(1);

  private final DatabricksClient db;
  private final ClientInternals internals;
  private final ExecutionApi api;
  private final ExecutionOptions options;
  private final String clusterId;
  private final String contextId;
  private final Language language;
  /** Commands still being polled; cancelled and failed on close. */
  private final Set<CommandHandle> running = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean closing = new AtomicBoolean();
  private final CompletableFuture<Void> destroyed = new CompletableFuture<>();
  private volatile Supplier<DatabricksClientException> closedError = this::contextClosedError;
  private volatile ClientInternals.Registration registration;

  private ExecutionContext(DatabricksClient db, ExecutionApi api, ExecutionOptions options, String clusterId,
      String contextId, Language language) {
    this.db = db;
    this.internals = ClientInternals.of(db);
    this.api = api;
    this.options = options;
    this.clusterId = clusterId;
    this.contextId = contextId;
    this.language = language;
  }

  /** Wraps a Running context and registers it to be closed when {@code db} closes. */
  static ExecutionContext open(DatabricksClient db, ExecutionApi api, ExecutionOptions options, String clusterId,
      String contextId, Language language) {
    ExecutionContext ctx = new ExecutionContext(db, api, options, clusterId, contextId, language);
    try {
      ctx.registration = ctx.internals.onClose(ctx::closeWithClient);
    } catch (RuntimeException clientClosed) {
      ctx.closeAsync();
      throw clientClosed;
    }
    LOG.debug("execution context {} on cluster {} is running", contextId, clusterId);
    return ctx;
  }

  /** The context's id on the cluster ({@code contextId} in API 1.2). */
  public String id() {
    return contextId;
  }

  /** The cluster the context runs on. */
  public String clusterId() {
    return clusterId;
  }

  /** The context's default language, used by the methods that take no {@link Language}. */
  public Language language() {
    return language;
  }

  /** Runs {@code code} and waits for its result; an interrupt cancels the command. */
  public CommandResult execute(String code) {
    return execute(language, code);
  }

  /**
   * Runs {@code code} and waits at most {@code timeout} (counted from the submit's answer). When it
   * runs out, <b>the command is cancelled</b> on the cluster and {@code OperationTimeoutException}
   * thrown: this call returns no handle, so nobody could stop the command later. To wait a while
   * and keep the command running, use {@link #submit(String)} and {@link CommandHandle#await(Duration)}.
   */
  public CommandResult execute(String code, Duration timeout) {
    return Calls.join(executeAsync(code, timeout));
  }

  /**
   * {@link #execute(String, Duration)} without blocking: when {@code timeout} runs out the command
   * is cancelled and the future fails with {@code OperationTimeoutException}.
   */
  public CompletableFuture<CommandResult> executeAsync(String code, Duration timeout) {
    return Calls.async(() -> executeAsync(language, code, requirePositive(timeout)));
  }

  /** Runs one command in another language than the context's (e.g. SQL in a Python context). */
  public CommandResult execute(Language language, String code) {
    return Calls.join(executeAsync(language, code));
  }

  /** Runs {@code code} without blocking; cancelling the future cancels the command on the cluster. */
  public CompletableFuture<CommandResult> executeAsync(String code) {
    return executeAsync(language, code);
  }

  /**
   * {@link #execute(Language, String)} without blocking; cancelling the future cancels the command
   * on the cluster. Never throws: bad input fails the future with {@code InvalidRequestException}.
   *
   * @param language the language of this one command
   * @param code the code to run
   * @return the command's result, or a future failed with {@link CommandFailedException} or
   *     {@link CommandCancelledException}
   */
  public CompletableFuture<CommandResult> executeAsync(Language language, String code) {
    return executeAsync(language, code, null);
  }

  /** Submits {@code code} (waiting only for the command id) and returns a handle to follow it. */
  public CommandHandle submit(String code) {
    return submit(language, code);
  }

  /**
   * Submits one command in another language than the context's (waiting only for the command id)
   * and returns a handle to follow it.
   *
   * @param language the language of this one command
   * @param code the code to run
   * @return a handle on the running command
   */
  public CommandHandle submit(Language language, String code) {
    return Calls.join(submitAsync(language, code));
  }

  /**
   * {@link #submit(String)} without blocking; cancelling the future before the command id is known
   * still cancels the command once its id arrives.
   *
   * @param code the code to run, in the context's language
   * @return the handle once the server accepted the command
   */
  public CompletableFuture<CommandHandle> submitAsync(String code) {
    return submitAsync(language, code);
  }

  /**
   * As {@link #submit(Language, String)} without blocking. Cancelling the future before the
   * command id is known still cancels the command once its id arrives.
   */
  public CompletableFuture<CommandHandle> submitAsync(Language language, String code) {
    return submitAsync(language, code, null);
  }

  private CompletableFuture<CommandResult> executeAsync(Language language, String code, Duration timeout) {
    return Calls.async(() -> internals.track(Futures.compose(submitAsync(language, code, timeout), CommandHandle::resultAsync)));
  }

  private CompletableFuture<CommandHandle> submitAsync(Language language, String code, Duration timeout) {
    return Calls.async(() -> {
      Args.notNull(language, "language");
      Args.notNull(code, "code");
      ensureOpen();
      // The submit call itself is never cancelled: only its answer names the command to cancel.
      CompletableFuture<String> post = api.executeCommand(clusterId, contextId, language, CodeText.dedent(code));
      CompletableFuture<CommandHandle> submitted = Futures.map(post.copy(), commandId -> follow(commandId, timeout));
      submitted.whenComplete((h, e) -> {
        if (submitted.isCancelled()) { // the caller gave up (cancel, interrupt) before the id was known
          post.thenAccept(this::cancelQuietly);
        }
      });
      return internals.track(submitted);
    });
  }

  private CommandHandle follow(String commandId, Duration timeout) {
    CommandHandle handle = CommandHandle.start(db, api, options, clusterId, contextId, commandId, timeout);
    running.add(handle);
    internals.track(handle.resultAsync());
    handle.resultAsync().whenComplete((r, e) -> running.remove(handle));
    if (closing.get()) { // closed while this command was being submitted
      abandon(handle);
    }
    return handle;
  }

  private void cancelQuietly(String commandId) {
    api.cancelCommand(clusterId, contextId, commandId).whenComplete((v, e) -> {
      if (e != null) {
        LOG.debug("cancelling command {} failed: {}", commandId, Futures.unwrap(e).toString());
      }
    });
  }

  /** Fails the command's future, stops polling it and cancels it on the cluster: its context is going away. */
  private CompletableFuture<Void> abandon(CommandHandle handle) {
    if (!handle.resultAsync().completeExceptionally(closedError.get())) {
      return CompletableFuture.completedFuture(null);
    }
    return handle.cancelAsync().handle((v, e) -> {
      if (e != null) {
        LOG.debug("cancelling command {} on close failed: {}", handle.id(), Futures.unwrap(e).toString());
      }
      return null;
    });
  }

  /** Whether {@link #close()} or {@link #closeAsync()} was called. */
  public boolean isClosed() {
    return closing.get();
  }

  /**
   * Cancels the commands still running (their futures fail with a client error) and destroys the
   * context on the cluster, without blocking. Idempotent: later calls return the same outcome.
   */
  public CompletableFuture<Void> closeAsync() {
    beginClose();
    return destroyed.copy();
  }

  /** Destroys the context; only the first call does anything, and only it may throw. */
  @Override
  public void close() {
    if (beginClose()) {
      awaitDestroyed();
    }
  }

  /** Run by the DatabricksClient's close, while it can still send requests. */
  private void closeWithClient() {
    closedError = () -> new ClientClosedException("the DatabricksClient was closed; execution context " + contextId
        + " was destroyed and its commands cancelled");
    close();
  }

  /**
   * Waits for the destroy even on an interrupted thread — which is exactly when try-with-resources
   * runs close() after an interrupted execute — then sets the flag again.
   */
  private void awaitDestroyed() {
    boolean interrupted = Thread.interrupted();
    try {
      Futures.join(destroyed.copy(), CLOSE_WAIT);
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private boolean beginClose() {
    if (!closing.compareAndSet(false, true)) {
      return false;
    }
    ClientInternals.Registration r = registration;
    if (r != null) {
      r.close();
    }
    List<CompletableFuture<Void>> cancels = new ArrayList<>();
    running.forEach(h -> cancels.add(abandon(h)));
    // Cancels first: once the context is gone they would only fail.
    CompletableFuture<Void> destroy = Futures.compose(CompletableFuture.allOf(cancels.toArray(new CompletableFuture<?>[0])),
        v -> api.destroyContext(clusterId, contextId));
    destroy.whenComplete((v, e) -> {
      if (e != null) {
        destroyed.completeExceptionally(Futures.unwrap(e));
      } else {
        LOG.debug("execution context {} on cluster {} destroyed", contextId, clusterId);
        destroyed.complete(null);
      }
    });
    return true;
  }

  private void ensureOpen() {
    if (closing.get()) {
      throw closedError.get();
    }
  }

  private DatabricksClientException contextClosedError() {
    return new DatabricksClientException("execution context " + contextId + " on cluster " + clusterId + " is closed");
  }

  private static Duration requirePositive(Duration timeout) {
    Args.notNull(timeout, "timeout");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new InvalidRequestException("timeout must be positive, was " + timeout);
    }
    return timeout;
  }

  /** The context and cluster ids, language, and whether it is closed, for logs. */
  @Override
  public String toString() {
    return "ExecutionContext[id=" + contextId + ", cluster=" + clusterId + ", language=" + language.wireValue()
        + (closing.get() ? ", closed" : "") + "]";
  }
}
