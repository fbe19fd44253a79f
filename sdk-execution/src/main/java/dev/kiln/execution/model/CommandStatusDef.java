package dev.kiln.execution.model;

import org.immutables.value.Value;

/** What a poll of a command reports: its id and status, for progress listeners. */
@Value.Immutable
abstract class CommandStatusDef {
  public abstract String commandId();

  /** The status exactly as the server sent it, e.g. {@code Running}. */
  public abstract String rawState();

  public CommandState state() {
    return CommandState.fromWire(rawState());
  }
}
