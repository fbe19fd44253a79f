package dev.kiln.execution.internal;

import dev.kiln.core.DatabricksClient;
import dev.kiln.core.Sleeper;
import dev.kiln.core.spi.ClientInternals;
import dev.kiln.core.spi.Futures;
import dev.kiln.core.spi.Poller;
import dev.kiln.execution.ContextCreationException;
import dev.kiln.execution.ExecutionOptions;
import dev.kiln.execution.model.Language;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates a context and waits for it to be {@code Running}. A context that ends in {@code Error}
 * is destroyed (it still counts against the cluster's limit) and creation is tried again with
 * backoff. A context created for a start that fails or is cancelled is destroyed as soon as its id
 * is known, also when the create answer arrives after the cancel.
 */
public final class ContextStartup {
  private static final Logger LOG = LoggerFactory.getLogger(ContextStartup.class);

  private final DatabricksClient db;
  private final Sleeper sleeper;
  private final ExecutionApi api;
  private final ExecutionOptions options;

  public ContextStartup(DatabricksClient db, ExecutionApi api, ExecutionOptions options) {
    this.db = db;
    this.sleeper = ClientInternals.of(db).sleeper();
    this.api = api;
    this.options = options;
  }

  /** The id of a context in state Running. */
  public CompletableFuture<String> start(String clusterId, Language language) {
    return start(clusterId, language, 1);
  }

  private CompletableFuture<String> start(String clusterId, Language language, int attempt) {
    return Futures.compose(attempt(clusterId, language), started -> {
      if (isRunning(started)) {
        return CompletableFuture.completedFuture(started.id);
      }
      LOG.warn("execution context {} on cluster {} went to {} (attempt {} of {}); destroying it",
          started.id, clusterId, started.status, attempt, options.contextStartAttempts());
      destroyQuietly(clusterId, started.id);
      if (attempt >= options.contextStartAttempts()) {
        return CompletableFuture.failedFuture(new ContextCreationException(clusterId, attempt));
      }
      Duration delay = options.contextRetryDelay().multipliedBy(1L << (attempt - 1));
      return Futures.compose(sleeper.sleep(delay), v -> start(clusterId, language, attempt + 1));
    });
  }

  /** One context from create to Running or Error. */
  private CompletableFuture<ExecutionWire.ContextStatus> attempt(String clusterId, Language language) {
    // The create call itself is never cancelled: only its answer tells which context to destroy.
    CompletableFuture<String> create = api.createContext(clusterId, language);
    CompletableFuture<ExecutionWire.ContextStatus> attempt = Futures.compose(create.copy(), id -> awaitStarted(clusterId, id));
    attempt.whenComplete((status, e) -> {
      if (e != null) { // failed or cancelled: the context (if one was created) is nobody's
        create.thenAccept(id -> destroyQuietly(clusterId, id));
      }
    });
    return attempt;
  }

  private static boolean isRunning(ExecutionWire.ContextStatus s) {
    return "Running".equalsIgnoreCase(s.status);
  }

  private CompletableFuture<ExecutionWire.ContextStatus> awaitStarted(String clusterId, String contextId) {
    return Poller.<ExecutionWire.ContextStatus, ExecutionWire.ContextStatus>builder(db)
        .poll(() -> Futures.map(api.contextStatus(clusterId, contextId), s -> withId(s, contextId)))
        .isTerminal(s -> isRunning(s) || "Error".equalsIgnoreCase(s.status))
        .result(s -> s)
        .statusOf(s -> String.valueOf(s.status))
        .initialDelay(options.contextPollInitialDelay())
        .maxDelay(options.contextPollMaxDelay())
        .multiplier(options.contextPollMultiplier())
        .timeout(options.contextStartTimeout())
        .description("execution context " + contextId + " on cluster " + clusterId)
        .start()
        .resultAsync();
  }

  /** The id we asked about, whatever the status answer says. */
  private static ExecutionWire.ContextStatus withId(ExecutionWire.ContextStatus s, String contextId) {
    s.id = contextId;
    return s;
  }

  private void destroyQuietly(String clusterId, String contextId) {
    api.destroyContext(clusterId, contextId).whenComplete((v, e) -> {
      if (e != null) {
        LOG.warn("destroying execution context {} on cluster {} failed: {}", contextId, clusterId, Futures.unwrap(e).toString());
      }
    });
  }
}
