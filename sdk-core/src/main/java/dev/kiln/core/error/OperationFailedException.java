package dev.kiln.core.error;

/**
 * Long-running remote work ended without the result asked for: a statement failed, was canceled or
 * closed; a command failed or was cancelled; a Genie message failed; an endpoint could not be
 * deployed; an execution context could not start. Catch this to handle any of them; the
 * subclasses (in each API module) carry the details. {@link #operationId()} names the work.
 */
public class OperationFailedException extends DatabricksException {
  private static final long serialVersionUID = 1L;
  /** Id of the work that failed. */
  private final String operationId;

  /**
   * Creates the exception.
   *
   * @param message what failed and the server's reason, if it gave one
   * @param operationId the id of the remote work, returned by {@link #operationId()}
   */
  public OperationFailedException(String message, String operationId) {
    super(message);
    this.operationId = operationId;
  }

  /** The id of the work that failed: statement id, command id, message id, endpoint name, cluster id. */
  public String operationId() {
    return operationId;
  }
}
