package dev.kiln.sql;

import dev.kiln.core.spi.ClientInternals;
import dev.kiln.sql.internal.StatementApi;
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
 * The statements one {@link SqlClient} submitted that are still running. While there are any, one
 * close hook is registered with the {@code DatabricksClient}: closing the client sends all their
 * cancels at once and waits (bounded) until the server accepted them, before the client stops
 * working. With none left the hook is removed again, so short-lived clients leave nothing behind.
 */
final class RunningStatements implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RunningStatements.class);

  private final ClientInternals internals;
  private final StatementApi api;
  private final Duration cancelTimeout;
  private final Set<StatementHandle> running = new LinkedHashSet<>(); // guarded by this
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

  private synchronized void remove(StatementHandle statement) {
    if (running.remove(statement) && running.isEmpty() && registration != null) {
      registration.close();
      registration = null;
    }
  }

  /** Called by the closing client: cancels every statement still running. */
  @Override
  public void close() {
    List<StatementHandle> now;
    synchronized (this) {
      now = new ArrayList<>(running);
      registration = null;
    }
    List<CompletableFuture<Void>> cancels = new ArrayList<>();
    for (StatementHandle statement : now) {
      if (!statement.isDone()) {
        cancels.add(api.cancelAsync(statement.id()));
      }
    }
    try {
      CompletableFuture.allOf(cancels.toArray(new CompletableFuture<?>[0]))
          .get(cancelTimeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      LOG.warn("cancelling {} running statement(s) while closing the client failed: {}", cancels.size(), e.toString());
    }
  }

  @Override
  public String toString() {
    return "the running statements of a SqlClient";
  }
}
