package dev.kiln.execution;

import dev.kiln.core.error.OperationFailedException;

/** Execution contexts kept ending in {@code Error} while starting; each one was destroyed. */
public class ContextCreationException extends OperationFailedException {
  private static final long serialVersionUID = 1L;

  private final String clusterId;
  private final int attempts;

  public ContextCreationException(String clusterId, int attempts) {
    super("could not create an execution context on cluster " + clusterId + ": it went to Error "
        + attempts + " time(s); check the cluster's driver logs, or whether it has too many contexts open", clusterId);
    this.clusterId = clusterId;
    this.attempts = attempts;
  }

  public String clusterId() {
    return clusterId;
  }

  public int attempts() {
    return attempts;
  }
}
