package dev.kiln.execution.model;

import dev.kiln.core.spi.WireEnums;

/** The status of a command ({@code status} of {@code /api/1.2/commands/status}). */
public enum CommandState {
  QUEUED,
  RUNNING,
  CANCELLING,
  FINISHED,
  CANCELLED,
  ERROR,
  /** A status this version does not know; treated as still running. */
  UNKNOWN;

  /** The constant for a wire status in any case (e.g. {@code Running}), {@link #UNKNOWN} for null or unrecognised text. */
  public static CommandState fromWire(String raw) {
    return WireEnums.parse(CommandState.class, raw, UNKNOWN);
  }

  /** Finished, Cancelled and Error end a command; the others mean it may still change. */
  public boolean isTerminal() {
    return this == FINISHED || this == CANCELLED || this == ERROR;
  }
}
