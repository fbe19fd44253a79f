package dev.kiln.emulator.internal;

import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/**
 * One submitted statement and its state machine: PENDING → RUNNING → SUCCEEDED | FAILED | CANCELED, and
 * CLOSED once its result is dropped. Thread-safe; {@link #done()} completes on the first terminal state.
 */
final class SqlStatement implements SqlEngine.CancelHook {
  private final String id;
  private final StatementRequest request;
  private final CompletableFuture<SqlStatement> done = new CompletableFuture<>();
  private final StateChanges changes;

  private StatementState state = StatementState.PENDING;
  private boolean cancelRequested;
  private Statement running;
  private SqlFailure failure;
  private ResultChunks result;
  private Instant finishedAt;

  SqlStatement(String id, StatementRequest request, StateChanges changes) {
    this.id = id;
    this.request = request;
    this.changes = changes;
  }

  String id() {
    return id;
  }

  StatementRequest request() {
    return request;
  }

  /** Completes (with this statement) when it reaches a terminal state. */
  CompletableFuture<SqlStatement> done() {
    return done;
  }

  /** A consistent copy of the mutable state, for rendering a reply. */
  synchronized Snapshot snapshot() {
    return new Snapshot(state, failure, result);
  }

  synchronized StatementState state() {
    return state;
  }

  synchronized Instant finishedAt() {
    return finishedAt;
  }

  /** PENDING → RUNNING; false when it was cancelled while queued. */
  synchronized boolean begin() {
    if (state != StatementState.PENDING) {
      return false;
    }
    state = StatementState.RUNNING;
    changes.changed();
    return true;
  }

  @Override
  public synchronized boolean started(Statement statement) {
    if (cancelRequested) {
      return false;
    }
    running = statement;
    return true;
  }

  @Override
  public synchronized void finished() {
    running = null;
  }

  void succeed(ResultChunks chunks, Instant now) {
    finish(StatementState.SUCCEEDED, null, chunks, now);
  }

  void fail(SqlFailure why, Instant now) {
    finish(StatementState.FAILED, why, null, now);
  }

  /** How an interrupted execution ends: CANCELED if someone asked for it, else FAILED. */
  void interrupted(SQLException e, Instant now) {
    boolean cancelled;
    synchronized (this) {
      cancelled = cancelRequested;
    }
    if (cancelled) {
      finish(StatementState.CANCELED, null, null, now);
    } else {
      fail(SqlFailure.from(e), now);
    }
  }

  /** Asks for cancellation: a queued statement is CANCELED now, a running one is interrupted. */
  void cancel(Instant now) {
    boolean queued;
    Statement toInterrupt;
    synchronized (this) {
      if (state.isTerminal()) {
        return;
      }
      cancelRequested = true; // a worker that has not started yet sees this in started()
      queued = state == StatementState.PENDING;
      toInterrupt = running;
    }
    if (queued) {
      finish(StatementState.CANCELED, null, null, now);
    } else if (toInterrupt != null) {
      try {
        toInterrupt.cancel();
      } catch (SQLException e) {
        // Already finished or closed: the worker records the outcome.
      }
    }
  }

  /** Drops the result; a SUCCEEDED statement becomes CLOSED, as when Databricks' result retention ends. */
  synchronized void close() {
    if (state == StatementState.SUCCEEDED) {
      state = StatementState.CLOSED;
      result = null;
      changes.changed();
    }
  }

  /**
   * {@code DELETE /api/2.0/sql/statements/{id}}: a queued or running statement is cancelled, any result is
   * dropped, and the statement is CLOSED whatever state it was in. Idempotent.
   */
  void closeByClient(Instant now) {
    cancel(now);
    synchronized (this) {
      if (state == StatementState.CLOSED) {
        return;
      }
      state = StatementState.CLOSED;
      result = null;
      if (finishedAt == null) {
        finishedAt = now;
      }
    }
    done.complete(this);
    changes.changed();
  }

  private void finish(StatementState terminal, SqlFailure why, ResultChunks chunks, Instant now) {
    synchronized (this) {
      if (state.isTerminal()) {
        return;
      }
      state = terminal;
      failure = why;
      result = chunks;
      finishedAt = now;
    }
    done.complete(this);
    changes.changed();
  }

  /** Immutable view of a statement at one moment. */
  static final class Snapshot {
    final StatementState state;
    final SqlFailure failure;
    final ResultChunks result;

    Snapshot(StatementState state, SqlFailure failure, ResultChunks result) {
      this.state = state;
      this.failure = failure;
      this.result = result;
    }
  }
}
