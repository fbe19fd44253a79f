package dev.kiln.execution.model;

import org.immutables.value.Value;

/** What a poll of a command reports: its id and status, for progress listeners. */
@Value.Immutable
abstract class CommandStatusDef {
  /** The command's id, as returned when it was started. */
  public abstract String commandId();

  /** The status exactly as the server sent it, e.g. {@code Running}. */
  public abstract String rawState();

  /**
   * The typed status; {@code UNKNOWN} for one this SDK version does not know (see
   * {@link #rawState()}).
   */
  public CommandState state() {
    return CommandState.fromWire(rawState());
  }
}
