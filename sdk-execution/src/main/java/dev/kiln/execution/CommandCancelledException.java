package dev.kiln.execution;

import dev.kiln.core.error.OperationFailedException;

/** A command was cancelled (by this client, another client, or the cluster) before it finished. */
public class CommandCancelledException extends OperationFailedException {
  private static final long serialVersionUID = 1L;

  private final String commandId;

  public CommandCancelledException(String commandId) {
    super("command " + commandId + " was cancelled", commandId);
    this.commandId = commandId;
  }

  public String commandId() {
    return commandId;
  }
}
