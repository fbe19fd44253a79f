package dev.kiln.execution;

import dev.kiln.core.error.OperationFailedException;

/** A command was cancelled (by this client, another client, or the cluster) before it finished. */
public class CommandCancelledException extends OperationFailedException {
  private static final long serialVersionUID = 1L;

  /** The cancelled command. */
  private final String commandId;

  /**
   * Creates the exception for one command.
   *
   * @param commandId the cancelled command; also the operation id
   */
  public CommandCancelledException(String commandId) {
    super("command " + commandId + " was cancelled", commandId);
    this.commandId = commandId;
  }

  /** The cancelled command; also {@link #operationId()}. */
  public String commandId() {
    return commandId;
  }
}
