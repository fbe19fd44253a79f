package dev.kiln.sql;

import dev.kiln.core.error.OperationFailedException;

/** The statement is CLOSED: its result was released (closed explicitly or kept over an hour). */
public class StatementClosedException extends OperationFailedException {
  private static final long serialVersionUID = 1L;

  private final String statementId;

  public StatementClosedException(String statementId) {
    super("statement " + statementId + " is closed and its result is no longer available: run it again", statementId);
    this.statementId = statementId;
  }

  public String statementId() {
    return statementId;
  }
}
