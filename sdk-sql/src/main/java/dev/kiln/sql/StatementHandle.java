package dev.kiln.sql;

import dev.kiln.core.OperationHandle;
import dev.kiln.core.Poller;
import dev.kiln.sql.internal.StatementApi;
import dev.kiln.sql.model.StatementError;
import dev.kiln.sql.model.StatementResponse;
import dev.kiln.sql.model.StatementState;
import dev.kiln.sql.model.StatementStatus;
import java.time.Duration;
import java.util.Optional;

/**
 * A submitted statement. Completes at once when the submit's wait already saw it finish (the
 * hybrid mode: one round trip for fast statements); otherwise the core poller asks for its state
 * with growing gaps, capped far below the server's 15-minute keep-alive.
 *
 * <p>{@link #await(Duration)} throws {@code OperationTimeoutException} when the result is not ready
 * in time (the statement keeps running), or the statement's typed failure:
 * {@link StatementFailedException}, {@link StatementCanceledException} or
 * {@link StatementClosedException}. {@link #cancel()} asks the server to cancel and the handle then
 * completes with {@link StatementCanceledException}; cancelling {@link #resultAsync()} stops polling
 * and sends the cancel request. Listeners see the current answer at once, then each change of state.
 */
public final class StatementHandle extends OperationHandle<StatementResponse, StatementResult> {
  private final String statementId;

  StatementHandle(StatementApi api, SqlOptions options, String statementId, StatementResponse initial) {
    super(Poller.<StatementResponse, StatementResult>builder(api.client())
        .poll(() -> api.getAsync(statementId))
        .isTerminal(r -> r.state().isTerminal())
        .result(r -> toResult(api, options, r))
        .cancel(() -> api.cancelAsync(statementId))
        .statusOf(StatementResponse::state)
        .initialDelay(options.pollInitialDelay())
        .maxDelay(options.pollMaxDelay())
        .description("statement " + statementId)
        .start(initial));
    this.statementId = statementId;
  }

  public String statementId() {
    return statementId;
  }

  /** The last state seen; UNKNOWN before the first answer about it arrived. */
  public StatementState state() {
    return lastState().map(StatementResponse::state).orElse(StatementState.UNKNOWN);
  }

  /** The last full answer seen, if any. */
  public Optional<StatementResponse> lastResponse() {
    return lastState();
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
