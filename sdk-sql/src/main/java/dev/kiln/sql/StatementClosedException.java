package dev.kiln.sql;

import dev.kiln.core.error.OperationFailedException;

/** The statement is CLOSED: its result was released (closed explicitly or kept over an hour). */
public class StatementClosedException extends OperationFailedException {
  private static final long serialVersionUID = 1L;

  /** The closed statement. */
  private final String statementId;

  /**
   * Creates the exception for one statement.
   *
   * @param statementId the closed statement; also the operation id
   */
  public StatementClosedException(String statementId) {
    super("statement " + statementId + " is closed and its result is no longer available: run it again", statementId);
    this.statementId = statementId;
  }

  /** The closed statement; also {@link #operationId()}. */
  public String statementId() {
    return statementId;
  }
}
