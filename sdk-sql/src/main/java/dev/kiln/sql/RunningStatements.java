package dev.kiln.sql;

import dev.kiln.core.spi.ClientInternals;
import dev.kiln.sql.internal.StatementApi;
import dev.kiln.sql.model.StatementResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The statements one {@link SqlClient} submitted that are still running, and the submits still
 * waiting for their answer. While there are any, one close hook is registered with the
 * {@code DatabricksClient}: closing the client first waits (bounded) for the submits in flight to
 * name their statements, then sends every cancel at once and waits (bounded) until the server
 * accepted them, before the client stops working. With none left the hook is removed again, so
 * short-lived clients leave nothing behind.
 */
final class RunningStatements implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RunningStatements.class);

  private final ClientInternals internals;
  private final StatementApi api;
  private final Duration cancelTimeout;
  private final Set<StatementHandle> running = new LinkedHashSet<>(); // guarded by this
  private final Set<CompletableFuture<StatementResponse>> submitting = new LinkedHashSet<>(); // guarded by this
  private ClientInternals.Registration registration; // guarded by this

  RunningStatements(StatementApi api, Duration cancelTimeout) {
    this.internals = api.internals();
    this.api = api;
    this.cancelTimeout = cancelTimeout;
  }

  /**
   * Remembers a running statement until it ends. Throws {@code ClientClosedException} when the
   * client is already closing.
   */
  void add(StatementHandle statement) {
    synchronized (this) {
      if (registration == null) {
        registration = internals.onClose(this);
      }
      running.add(statement);
    }
    statement.resultAsync().whenComplete((r, e) -> remove(statement));
  }

  /**
   * Remembers a submit until it is answered, so a client closing meanwhile can still learn the id
   * and cancel the statement. Throws {@code ClientClosedException} when the client is closing.
   */
  void addSubmit(CompletableFuture<StatementResponse> submit) {
    synchronized (this) {
      if (registration == null) {
        registration = internals.onClose(this);
      }
      submitting.add(submit);
    }
    submit.whenComplete((r, e) -> removeSubmit(submit));
  }

  private synchronized void remove(StatementHandle statement) {
    if (running.remove(statement)) {
      releaseIfIdle();
    }
  }

  private synchronized void removeSubmit(CompletableFuture<StatementResponse> submit) {
    if (submitting.remove(submit)) {
      releaseIfIdle();
    }
  }

  private void releaseIfIdle() {
    if (running.isEmpty() && submitting.isEmpty() && registration != null) {
      registration.close();
      registration = null;
    }
  }

  /**
   * Called by the closing client: waits for submits in flight to be answered (bounded), then cancels
   * every statement still running, those just named included.
   */
  @Override
  public void close() {
    List<StatementHandle> now;
    List<CompletableFuture<StatementResponse>> answers;
    synchronized (this) {
      now = new ArrayList<>(running);
      answers = new ArrayList<>(submitting);
      registration = null;
    }
    await(answers, "waiting for " + answers.size() + " statement submit(s) to be answered");
    List<String> ids = new ArrayList<>();
    now.stream().filter(h -> !h.isDone()).forEach(h -> ids.add(h.id()));
    for (CompletableFuture<StatementResponse> answer : answers) {
      StatementResponse r = answer.getNow(null); // null: failed or still unanswered (its id is lost)
      if (r != null && !r.status().state().isTerminal() && !ids.contains(r.statementId())) {
        ids.add(r.statementId());
      }
    }
    List<CompletableFuture<Void>> cancels = new ArrayList<>();
    ids.forEach(id -> cancels.add(api.cancelAsync(id)));
    await(cancels, "cancelling " + cancels.size() + " running statement(s)");
  }

  private void await(List<? extends CompletableFuture<?>> futures, String what) {
    if (futures.isEmpty()) {
      return;
    }
    try {
      CompletableFuture.allOf(futures.toArray(new CompletableFuture<?>[0]))
          .get(cancelTimeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      LOG.warn("{} while closing the client failed: {}", what, e.toString());
    }
  }

  /** Names this registry in the log line of the client's close hook. */
  @Override
  public String toString() {
    return "the running statements of a SqlClient";
  }
}
