package dev.kiln.sql;

import dev.kiln.core.error.OperationFailedException;

/** The statement ended in state CANCELED (by a user, by {@code on_wait_timeout=CANCEL} or by the server). */
public class StatementCanceledException extends OperationFailedException {
  private static final long serialVersionUID = 1L;

  /** The canceled statement. */
  private final String statementId;

  /**
   * Creates the exception for one statement.
   *
   * @param statementId the canceled statement; also the operation id
   */
  public StatementCanceledException(String statementId) {
    super("statement " + statementId + " was canceled", statementId);
    this.statementId = statementId;
  }

  /** The canceled statement; also {@link #operationId()}. */
  public String statementId() {
    return statementId;
  }
}
