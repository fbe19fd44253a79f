package dev.kiln.sql;

import dev.kiln.core.Poller;
import dev.kiln.sql.internal.StatementApi;
import dev.kiln.sql.model.StatementError;
import dev.kiln.sql.model.StatementResponse;
import dev.kiln.sql.model.StatementState;
import dev.kiln.sql.model.StatementStatus;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * A submitted statement. Completes at once when the submit's wait already saw it finish (the
 * hybrid mode: one round trip for fast statements); otherwise the core poller asks for its state
 * with growing gaps, capped far below the server's 15-minute keep-alive. Cancelling
 * {@link #resultAsync()} cancels the statement on the server.
 */
public final class StatementHandle {
  private final String statementId;
  private final Poller<StatementResponse, StatementResult> poller;

  StatementHandle(StatementApi api, SqlOptions options, String statementId, StatementResponse initial) {
    this.statementId = statementId;
    this.poller = Poller.<StatementResponse, StatementResult>builder(api.client())
        .poll(() -> api.getAsync(statementId))
        .isTerminal(r -> r.state().isTerminal())
        .result(r -> toResult(api, options, r))
        .cancel(() -> api.cancelAsync(statementId))
        .statusOf(StatementResponse::state)
        .initialDelay(options.pollInitialDelay())
        .maxDelay(options.pollMaxDelay())
        .description("statement " + statementId)
        .start(initial);
  }

  public String statementId() {
    return statementId;
  }

  /** The last state seen; UNKNOWN before the first answer about it arrived. */
  public StatementState state() {
    return poller.lastState().map(StatementResponse::state).orElse(StatementState.UNKNOWN);
  }

  /** The last full answer seen, if any. */
  public Optional<StatementResponse> lastResponse() {
    return poller.lastState();
  }

  /** Asks the server for the state now (blocking) and records it. */
  public StatementResponse poll() {
    return poller.poll();
  }

  /**
   * Waits at most {@code timeout} for the result. Throws {@code OperationTimeoutException} when it
   * is not ready (the statement keeps running), or the typed failure of the statement.
   */
  public StatementResult await(Duration timeout) {
    return poller.await(timeout);
  }

  /** Waits for the result without a time limit; an interrupt cancels the statement. */
  public StatementResult await() {
    return poller.await();
  }

  /**
   * The result as a future, failing with {@link StatementFailedException},
   * {@link StatementCanceledException} or {@link StatementClosedException}. Cancelling it stops
   * polling and sends the cancel request.
   */
  public CompletableFuture<StatementResult> resultAsync() {
    return poller.resultAsync();
  }

  /** Asks the server to cancel; the handle then completes with {@link StatementCanceledException}. */
  public CompletableFuture<Void> cancel() {
    return poller.cancel();
  }

  public boolean isDone() {
    return poller.isDone();
  }

  /** Called with the current answer at once (if any), then on each change of state. */
  public void addListener(Consumer<? super StatementResponse> listener) {
    poller.addListener(listener);
  }

  @Override
  public String toString() {
    return "StatementHandle[" + statementId + ", " + state() + "]";
  }

  private static StatementResult toResult(StatementApi api, SqlOptions options, StatementResponse r) {
    String id = r.statementId();
    switch (r.state()) {
      case SUCCEEDED:
        return new StatementResult(api, options, r);
      case FAILED:
        StatementStatus s = r.status();
        Optional<StatementError> error = s.error();
        throw new StatementFailedException(id,
            error.flatMap(StatementError::errorCode).orElse(null),
            error.flatMap(StatementError::message).orElse(null),
            s.sqlState().orElse(null));
      case CANCELED:
        throw new StatementCanceledException(id);
      case CLOSED:
        throw new StatementClosedException(id);
      default:
        throw new IllegalStateException("statement " + id + " is not finished: " + r.state());
    }
  }
}
