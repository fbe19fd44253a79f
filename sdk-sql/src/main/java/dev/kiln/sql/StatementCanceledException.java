package dev.kiln.sql;

import dev.kiln.core.error.OperationFailedException;

/** The statement ended in state CANCELED (by a user, by {@code on_wait_timeout=CANCEL} or by the server). */
public class StatementCanceledException extends OperationFailedException {
  private static final long serialVersionUID = 1L;

  private final String statementId;

  public StatementCanceledException(String statementId) {
    super("statement " + statementId + " was canceled", statementId);
    this.statementId = statementId;
  }

  public String statementId() {
    return statementId;
  }
}
