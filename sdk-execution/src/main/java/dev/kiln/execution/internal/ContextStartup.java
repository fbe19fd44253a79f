package dev.kiln.execution.internal;

import dev.kiln.core.DatabricksClient;
import dev.kiln.core.Futures;
import dev.kiln.core.Poller;
import dev.kiln.execution.ContextCreationException;
import dev.kiln.execution.ExecutionOptions;
import dev.kiln.execution.model.Language;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates a context and waits for it to be {@code Running}. A context that ends in {@code Error}
 * is destroyed (it still counts against the cluster's limit) and creation is tried again with
 * backoff. Cancelling the future destroys the context being started.
 */
public final class ContextStartup {
  private static final Logger LOG = LoggerFactory.getLogger(ContextStartup.class);

  private final DatabricksClient db;
  private final ExecutionApi api;
  private final ExecutionOptions options;

  public ContextStartup(DatabricksClient db, ExecutionApi api, ExecutionOptions options) {
    this.db = db;
    this.api = api;
    this.options = options;
  }

  /** The id of a context in state Running. */
  public CompletableFuture<String> start(String clusterId, Language language) {
    CancellableSteps<String> steps = new CancellableSteps<>();
    attempt(steps, clusterId, language, 1);
    return steps.result();
  }

  private void attempt(CancellableSteps<String> steps, String clusterId, Language language, int attempt) {
    // Not tracked: cancelling the create call could leave a context we never learn the id of.
    api.createContext(clusterId, language).whenComplete((contextId, e) -> {
      if (e != null) {
        steps.fail(e);
        return;
      }
      if (steps.isDone()) {
        destroyQuietly(clusterId, contextId);
        return;
      }
      steps.track(awaitStarted(clusterId, contextId)).whenComplete((status, e2) -> {
        if (e2 != null) {
          if (!(Futures.unwrap(e2) instanceof CancellationException)) { // on cancel the poller destroyed it
            destroyQuietly(clusterId, contextId);
          }
          steps.fail(e2);
        } else if ("Running".equalsIgnoreCase(status.status)) {
          if (!steps.complete(contextId)) {
            destroyQuietly(clusterId, contextId);
          }
        } else {
          LOG.warn("execution context {} on cluster {} went to {} (attempt {} of {}); destroying it",
              contextId, clusterId, status.status, attempt, options.contextStartAttempts());
          destroyQuietly(clusterId, contextId);
          retryOrGiveUp(steps, clusterId, language, attempt);
        }
      });
    });
  }

  private void retryOrGiveUp(CancellableSteps<String> steps, String clusterId, Language language, int attempt) {
    if (attempt >= options.contextStartAttempts()) {
      steps.fail(new ContextCreationException(clusterId, attempt));
      return;
    }
    Duration delay = options.contextRetryDelay().multipliedBy(1L << (attempt - 1));
    steps.track(db.sleeper().sleep(delay)).whenComplete((v, e) -> {
      if (e != null) {
        steps.fail(e);
      } else if (!steps.isDone()) {
        attempt(steps, clusterId, language, attempt + 1);
      }
    });
  }

  private CompletableFuture<ExecutionWire.ContextStatus> awaitStarted(String clusterId, String contextId) {
    return Poller.<ExecutionWire.ContextStatus, ExecutionWire.ContextStatus>builder(db)
        .poll(() -> api.contextStatus(clusterId, contextId))
        .isTerminal(s -> "Running".equalsIgnoreCase(s.status) || "Error".equalsIgnoreCase(s.status))
        .result(s -> s)
        .cancel(() -> api.destroyContext(clusterId, contextId)) // cancelling the start destroys it
        .statusOf(s -> String.valueOf(s.status))
        .initialDelay(options.contextPollInitialDelay())
        .maxDelay(options.contextPollMaxDelay())
        .timeout(options.contextStartTimeout())
        .description("execution context " + contextId + " on cluster " + clusterId)
        .start()
        .resultAsync();
  }

  private void destroyQuietly(String clusterId, String contextId) {
    api.destroyContext(clusterId, contextId).whenComplete((v, e) -> {
      if (e != null) {
        LOG.warn("destroying execution context {} on cluster {} failed: {}", contextId, clusterId, Futures.unwrap(e).toString());
      }
    });
  }
}
