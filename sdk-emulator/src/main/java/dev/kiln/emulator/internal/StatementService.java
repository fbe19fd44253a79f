package dev.kiln.emulator.internal;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs statements on the SQL engine: each one is queued on the bounded SQL pool (PENDING while it waits, like
 * a busy warehouse), executed, and kept in memory with its result. Shared by the SQL and Genie APIs.
 */
final class StatementService {
  private static final Logger LOG = LoggerFactory.getLogger(StatementService.class);

  private final ConcurrentHashMap<String, SqlStatement> statements = new ConcurrentHashMap<>();
  private final SqlEngine engine;
  private final ExecutorService sqlPool;
  private final ScheduledExecutorService scheduler;
  private final Clock clock;
  private final int chunkRowCount;
  private final boolean arrowNativeComplexTypes;
  private final Duration resultRetention;
  private final StateChanges changes;
  private final QueryHistory history;
  /** Statements held PENDING until their warehouse runs, each with its readiness check. */
  private final ConcurrentHashMap<String, BooleanSupplier> waitingForWarehouse = new ConcurrentHashMap<>();

  StatementService(
      SqlEngine engine,
      ExecutorService sqlPool,
      ScheduledExecutorService scheduler,
      Clock clock,
      int chunkRowCount,
      boolean arrowNativeComplexTypes,
      Duration resultRetention,
      StateChanges changes,
      QueryHistory history) {
    this.engine = engine;
    this.sqlPool = sqlPool;
    this.scheduler = scheduler;
    this.clock = clock;
    this.chunkRowCount = chunkRowCount;
    this.arrowNativeComplexTypes = arrowNativeComplexTypes;
    this.resultRetention = resultRetention;
    this.changes = changes;
    this.history = history;
  }

  SqlStatement submit(StatementRequest request) {
    return submit(request, null, () -> true);
  }

  /**
   * Records the statement in query history and queues it, or, while {@code warehouseReady} is false, holds it
   * PENDING: it is queued by the first read that finds the warehouse running.
   */
  SqlStatement submit(StatementRequest request, JsonNode queryTags, BooleanSupplier warehouseReady) {
    SqlStatement statement = new SqlStatement(Ids.uuid(), request, changes);
    statements.put(statement.id(), statement);
    history.record(statement, clock.instant(), queryTags);
    if (!warehouseReady.getAsBoolean()) {
      waitingForWarehouse.put(statement.id(), warehouseReady);
      return statement;
    }
    dispatch(statement);
    return statement;
  }

  private void dispatch(SqlStatement statement) {
    try {
      sqlPool.execute(() -> execute(statement));
    } catch (RejectedExecutionException closing) {
      statement.fail(SqlFailure.internal(closing), clock.instant());
    }
  }

  /** Queues a held statement once its warehouse runs (a cancelled one is skipped by {@code begin()}). */
  private void releaseIfReady(String id) {
    BooleanSupplier ready = waitingForWarehouse.get(id);
    if (ready != null && ready.getAsBoolean() && waitingForWarehouse.remove(id, ready)) {
      dispatch(statements.get(id));
    }
  }

  private void execute(SqlStatement statement) {
    if (!statement.begin()) {
      return; // cancelled while queued
    }
    try {
      QueryResult result = engine.run(statement.request(), statement);
      StatementRequest request = statement.request();
      ResultChunks chunks =
          ResultChunks.of(
              result, request.format(), request.effectiveCompression(), chunkRowCount, arrowNativeComplexTypes);
      statement.succeed(chunks, clock.instant());
    } catch (SqlFailure failure) {
      statement.fail(failure, clock.instant());
    } catch (SQLException interrupted) {
      statement.interrupted(interrupted, clock.instant());
    } catch (RuntimeException | Error e) {
      LOG.warn("statement {} broke the emulator", statement.id(), e);
      statement.fail(SqlFailure.internal(e), clock.instant());
    }
  }

  /** The statement, CLOSED first if its result outlived the retention time. */
  Optional<SqlStatement> find(String id) {
    releaseIfReady(id);
    SqlStatement statement = statements.get(id);
    if (statement != null && statement.state() == StatementState.SUCCEEDED) {
      Instant finished = statement.finishedAt();
      if (finished != null && clock.instant().isAfter(finished.plus(resultRetention))) {
        statement.close();
      }
    }
    return Optional.ofNullable(statement);
  }

  SqlStatement get(String id) {
    return find(id).orElseThrow(() -> ApiException.notFound("Statement " + id + " does not exist."));
  }

  /** Closes the statement and frees its result (the client is done with it). */
  void close(SqlStatement statement) {
    statement.closeByClient(clock.instant());
  }

  void cancel(SqlStatement statement) {
    statement.cancel(clock.instant());
  }

  /** Completes when the statement is terminal or {@code timeout} has passed, whichever is first. */
  CompletableFuture<SqlStatement> awaitUpTo(SqlStatement statement, Duration timeout) {
    if (timeout.isZero() || statement.done().isDone()) {
      return CompletableFuture.completedFuture(statement);
    }
    CompletableFuture<SqlStatement> result = new CompletableFuture<>();
    try {
      ScheduledFuture<?> timer =
          scheduler.schedule(() -> result.complete(statement), timeout.toMillis(), TimeUnit.MILLISECONDS);
      statement.done().thenAccept(done -> {
        timer.cancel(false);
        result.complete(done);
      });
    } catch (RejectedExecutionException closing) {
      result.complete(statement);
    }
    return result;
  }

  /**
   * Blocks until the statement is terminal (SUCCEEDED, FAILED, CANCELED or CLOSED) and returns that state.
   * Test support; unknown ids are {@link IllegalArgumentException}s.
   */
  StatementState awaitTerminal(String id, Duration timeout) {
    SqlStatement statement =
        find(id).orElseThrow(() -> new IllegalArgumentException("statement " + id + " does not exist"));
    changes.await(() -> statement.state().isTerminal(), timeout,
        () -> "statement " + id + " is still " + statement.state());
    return statement.state();
  }

  /** Interrupts everything still queued or running, when the workspace closes. */
  void cancelAll() {
    Instant now = clock.instant();
    statements.values().forEach(statement -> statement.cancel(now));
  }
}
