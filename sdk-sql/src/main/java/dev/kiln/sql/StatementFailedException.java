package dev.kiln.sql;

import dev.kiln.core.error.OperationFailedException;
import java.util.Optional;

/** The statement ended in state FAILED; carries the server's error code, message and SQLSTATE. */
public class StatementFailedException extends OperationFailedException {
  private static final long serialVersionUID = 1L;

  /** The failed statement. */
  private final String statementId;
  /** The server's error code; may be null. */
  private final String errorCode;
  /** The server's message; may be null. */
  private final String serverMessage;
  /** The SQLSTATE; may be null. */
  private final String sqlState;

  /**
   * Creates the exception; its message holds the statement id, error code, SQLSTATE and the
   * server's message.
   *
   * @param statementId the failed statement; also the operation id
   * @param errorCode the server's error code (e.g. {@code BAD_REQUEST}), or null
   * @param serverMessage the server's message, or null
   * @param sqlState the SQLSTATE (e.g. {@code 42P01}), or null
   */
  public StatementFailedException(String statementId, String errorCode, String serverMessage, String sqlState) {
    super(describe(statementId, errorCode, serverMessage, sqlState), statementId);
    this.statementId = statementId;
    this.errorCode = errorCode;
    this.serverMessage = serverMessage;
    this.sqlState = sqlState;
  }

  /** The failed statement; also {@link #operationId()}. */
  public String statementId() {
    return statementId;
  }

  /** E.g. {@code BAD_REQUEST}, as sent. */
  public Optional<String> errorCode() {
    return Optional.ofNullable(errorCode);
  }

  /** The server's message alone. */
  public Optional<String> serverMessage() {
    return Optional.ofNullable(serverMessage);
  }

  /** The SQLSTATE, e.g. {@code 42P01}. */
  public Optional<String> sqlState() {
    return Optional.ofNullable(sqlState);
  }

  private static String describe(String id, String code, String message, String sqlState) {
    StringBuilder b = new StringBuilder("statement ").append(id).append(" failed");
    if (code != null) {
      b.append(" [").append(code).append(']');
    }
    if (sqlState != null) {
      b.append(" (SQLSTATE ").append(sqlState).append(')');
    }
    if (message != null) {
      b.append(": ").append(message);
    }
    return b.toString();
  }
}
