package dev.kiln.execution;

import dev.kiln.core.DatabricksClient;
import dev.kiln.core.Futures;
import dev.kiln.core.error.DatabricksClientException;
import dev.kiln.core.error.InvalidRequestException;
import dev.kiln.execution.internal.CancellableSteps;
import dev.kiln.execution.internal.CodeText;
import dev.kiln.execution.internal.ExecutionApi;
import dev.kiln.execution.internal.Waits;
import dev.kiln.execution.model.CommandResult;
import dev.kiln.execution.model.Language;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A REPL on a cluster (API 1.2): variables defined by one command are seen by the next. Each
 * cluster allows only a limited number of contexts, so always close it — use try-with-resources.
 * {@link #close()} destroys it on the cluster, is idempotent, and throws an unchecked exception
 * if the destroy fails (try-with-resources adds it as suppressed to an exception already in
 * flight). Contexts still open when the {@link DatabricksClient} closes are destroyed then.
 * Thread-safe: commands may be submitted concurrently; the cluster runs them in order.
 */
public final class ExecutionContext implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ExecutionContext.class);
  /** The longest close() blocks for the destroy call, even on an interrupted thread. */
  private static final Duration CLOSE_WAIT = Duration.ofMinutes(1);

  private final DatabricksClient db;
  private final ExecutionApi api;
  private final ExecutionOptions options;
  private final String clusterId;
  private final String contextId;
  private final Language language;
  /** Commands still being polled; cancelled and failed on close. */
  private final Set<CommandHandle> running = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean closing = new AtomicBoolean();
  private final CompletableFuture<Void> destroyed = new CompletableFuture<>();
  private volatile DatabricksClient.Registration registration;

  private ExecutionContext(DatabricksClient db, ExecutionApi api, ExecutionOptions options, String clusterId,
      String contextId, Language language) {
    this.db = db;
    this.api = api;
    this.options = options;
    this.clusterId = clusterId;
    this.contextId = contextId;
    this.language = language;
  }

  /** Wraps a Running context and registers it to be destroyed when {@code db} closes. */
  static ExecutionContext open(DatabricksClient db, ExecutionApi api, ExecutionOptions options, String clusterId,
      String contextId, Language language) {
    ExecutionContext ctx = new ExecutionContext(db, api, options, clusterId, contextId, language);
    try {
      ctx.registration = db.onClose(ctx);
    } catch (RuntimeException clientClosed) {
      ctx.closeAsync();
      throw clientClosed;
    }
    LOG.debug("execution context {} on cluster {} is running", contextId, clusterId);
    return ctx;
  }

  public String id() {
    return contextId;
  }

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
   * Runs {@code code} and waits at most {@code timeout}; then the command is cancelled and
   * {@code OperationTimeoutException} thrown.
   */
  public CommandResult execute(String code, Duration timeout) {
    requirePositive(timeout);
    return Futures.join(executeAsync(language, code, timeout));
  }

  /** Runs one command in another language than the context's (e.g. SQL in a Python context). */
  public CommandResult execute(Language language, String code) {
    return Futures.join(executeAsync(language, code));
  }

  /** Runs {@code code} without blocking; cancelling the future cancels the command on the cluster. */
  public CompletableFuture<CommandResult> executeAsync(String code) {
    return executeAsync(language, code);
  }

  public CompletableFuture<CommandResult> executeAsync(Language language, String code) {
    return executeAsync(language, code, null);
  }

  /** Submits {@code code} (waiting only for the command id) and returns a handle to follow it. */
  public CommandHandle submit(String code) {
    return submit(language, code);
  }

  public CommandHandle submit(Language language, String code) {
    return Futures.join(submitAsync(language, code));
  }

  public CompletableFuture<CommandHandle> submitAsync(String code) {
    return submitAsync(language, code);
  }

  public CompletableFuture<CommandHandle> submitAsync(Language language, String code) {
    return submitAsync(language, code, null);
  }

  private CompletableFuture<CommandResult> executeAsync(Language language, String code, Duration timeout) {
    CancellableSteps<CommandResult> steps = new CancellableSteps<>();
    // The submit call is not cancelled: once the id is known, a cancel reaches the command itself.
    submitAsync(language, code, timeout).whenComplete((handle, e) -> {
      if (e != null) {
        steps.fail(e);
        return;
      }
      steps.track(handle.resultAsync()).whenComplete((result, e2) -> {
        if (e2 != null) {
          steps.fail(e2);
        } else {
          steps.complete(result);
        }
      });
    });
    return steps.result();
  }

  private CompletableFuture<CommandHandle> submitAsync(Language language, String code, Duration timeout) {
    Objects.requireNonNull(language, "language");
    if (code == null) {
      throw new InvalidRequestException("code must not be null");
    }
    ensureOpen();
    CompletableFuture<CommandHandle> submitted = new CompletableFuture<>();
    api.executeCommand(clusterId, contextId, language, CodeText.dedent(code)).whenComplete((commandId, e) -> {
      if (e != null) {
        submitted.completeExceptionally(Futures.unwrap(e));
        return;
      }
      CommandHandle handle = track(new CommandHandle(db, api, options, clusterId, contextId, commandId, timeout));
      if (!submitted.complete(handle)) { // the caller gave up (cancel, interrupt): nobody will follow it
        handle.resultAsync().cancel(true);
      }
    });
    return submitted;
  }

  private CommandHandle track(CommandHandle handle) {
    running.add(handle);
    handle.resultAsync().whenComplete((r, e) -> running.remove(handle));
    if (closing.get()) { // closed while this command was being submitted
      abandon(handle);
    }
    return handle;
  }

  /** Cancels the command on the cluster and stops polling it: its context is going away. */
  private void abandon(CommandHandle handle) {
    if (handle.resultAsync().completeExceptionally(closedError())) {
      handle.cancel().whenComplete((v, e) -> {
        if (e != null) {
          LOG.debug("cancelling command {} on close failed: {}", handle.id(), Futures.unwrap(e).toString());
        }
      });
    }
  }

  /** Whether {@link #close()} or {@link #closeAsync()} was called. */
  public boolean isClosed() {
    return closing.get();
  }

  /**
   * Destroys the context on the cluster without blocking. Idempotent: later calls return the
   * same outcome. Commands still running fail with a client error.
   */
  public CompletableFuture<Void> closeAsync() {
    beginClose();
    return destroyed.copy();
  }

  /** Destroys the context; only the first call does anything, and only it may throw. */
  @Override
  public void close() {
    if (beginClose()) {
      Waits.joinUninterruptibly(destroyed, CLOSE_WAIT);
    }
  }

  private boolean beginClose() {
    if (!closing.compareAndSet(false, true)) {
      return false;
    }
    DatabricksClient.Registration r = registration;
    if (r != null) {
      r.close();
    }
    running.forEach(this::abandon);
    CompletableFuture<Void> destroy;
    try {
      destroy = api.destroyContext(clusterId, contextId);
    } catch (RuntimeException e) {
      destroy = CompletableFuture.failedFuture(e);
    }
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
      throw closedError();
    }
  }

  private DatabricksClientException closedError() {
    return new DatabricksClientException("execution context " + contextId + " on cluster " + clusterId + " is closed");
  }

  private static void requirePositive(Duration timeout) {
    if (timeout == null || timeout.isNegative() || timeout.isZero()) {
      throw new InvalidRequestException("timeout must be positive, was " + timeout);
    }
  }

  @Override
  public String toString() {
    return "ExecutionContext[id=" + contextId + ", cluster=" + clusterId + ", language=" + language.wireValue()
        + (closing.get() ? ", closed" : "") + "]";
  }
}
