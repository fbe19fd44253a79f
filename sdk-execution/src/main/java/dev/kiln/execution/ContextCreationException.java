package dev.kiln.execution;

import dev.kiln.core.error.OperationFailedException;

/** Execution contexts kept ending in {@code Error} while starting; each one was destroyed. */
public class ContextCreationException extends OperationFailedException {
  private static final long serialVersionUID = 1L;

  /** The cluster where no context could be started. */
  private final String clusterId;
  /** How many contexts were tried. */
  private final int attempts;

  /**
   * Creates the exception for a cluster where no context could be started.
   *
   * @param clusterId the cluster; also the operation id
   * @param attempts how many contexts were created and ended in Error
   */
  public ContextCreationException(String clusterId, int attempts) {
    super("could not create an execution context on cluster " + clusterId + ": it went to Error "
        + attempts + " time(s); check the cluster's driver logs, or whether it has too many contexts open", clusterId);
    this.clusterId = clusterId;
    this.attempts = attempts;
  }

  /** The cluster where no context could be started; also {@link #operationId()}. */
  public String clusterId() {
    return clusterId;
  }

  /**
   * How many contexts were created, each ending in Error, before giving up
   * ({@link ExecutionOptions#contextStartAttempts()}).
   */
  public int attempts() {
    return attempts;
  }
}
