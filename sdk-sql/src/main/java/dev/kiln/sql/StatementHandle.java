package dev.kiln.sql;

import dev.kiln.core.OperationHandle;
import dev.kiln.core.error.ClientClosedException;
import dev.kiln.core.spi.Poller;
import dev.kiln.sql.internal.StatementApi;
import dev.kiln.sql.model.StatementError;
import dev.kiln.sql.model.StatementResponse;
import dev.kiln.sql.model.StatementState;
import dev.kiln.sql.model.StatementStatus;
import java.time.Duration;
import java.util.Optional;

/**
 * A submitted statement: {@link #id()} is the statement id, {@link #status()} its last known
 * {@link StatementState} ({@link #rawStatus()} as the server wrote it) and {@link #lastState()} the
 * last full answer. Completes at once when the submit's wait already saw it finish (the hybrid
 * mode: one round trip for fast statements); otherwise core's poller asks for its state with
 * growing gaps (see {@link SqlOptions}), capped far below the server's 15-minute keep-alive.
 *
 * <p>{@link #await(Duration)} throws {@code OperationTimeoutException} when the result is not ready
 * in time (the statement keeps running), or the statement's typed failure:
 * {@link StatementFailedException}, {@link StatementCanceledException} or
 * {@link StatementClosedException}. {@link #cancel()} asks the server to cancel and the handle then
 * completes with {@link StatementCanceledException}; cancelling {@link #resultAsync()} stops polling
 * and sends the cancel request. Listeners see the current answer at once, then each change of state.
 *
 * <p>When the {@code DatabricksClient} closes while the statement runs, {@link #resultAsync()} fails
 * with {@code ClientClosedException}; a statement this client submitted is first cancelled on the
 * server (one only looked at through {@code SqlClient.handle(..)} is left alone).
 */
public final class StatementHandle extends OperationHandle<StatementResponse, StatementState, StatementResult> {
  /** {@code running}: where a statement this client submitted is kept until it ends; else null. */
  StatementHandle(StatementApi api, SqlOptions options, String statementId, StatementResponse initial,
      RunningStatements running) {
    super(statementId, Poller.<StatementResponse, StatementResult>builder(api.client())
        .poll(() -> api.getAsync(statementId))
        .isTerminal(r -> r.state().isTerminal())
        .result(r -> toResult(api, options, r))
        .cancel(() -> api.cancelAsync(statementId))
        .statusOf(StatementHandle::rawState)
        .initialDelay(options.pollInitialDelay())
        .maxDelay(options.pollMaxDelay())
        .multiplier(options.pollMultiplier())
        .description("statement " + statementId)
        .start(initial), StatementState.class, StatementHandle::rawState);
    api.internals().track(resultAsync());
    if (running != null) {
      cancelOnClientClose(api, running);
    }
  }

  private static String rawState(StatementResponse response) {
    return response.status().rawState();
  }

  /** Cancelled on the server when the client closes while it runs. */
  private void cancelOnClientClose(StatementApi api, RunningStatements running) {
    if (isDone()) {
      return;
    }
    try {
      running.add(this);
    } catch (ClientClosedException closing) {
      // The client is closing: its hooks already ran, but it still sends requests for a moment.
      api.cancelAsync(id());
      resultAsync().completeExceptionally(closing);
    }
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
        throw new IllegalStateException("statement " + id + " is not finished: " + r.status().rawState());
    }
  }
}
