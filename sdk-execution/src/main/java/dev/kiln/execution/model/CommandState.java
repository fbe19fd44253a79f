package dev.kiln.execution.model;

import dev.kiln.core.spi.WireEnums;

/** The status of a command ({@code status} of {@code /api/1.2/commands/status}). */
public enum CommandState {
  /** Accepted, waiting for the context to run it ({@code Queued}). */
  QUEUED,
  /** Running on the cluster ({@code Running}). */
  RUNNING,
  /** A cancel was requested and is under way ({@code Cancelling}); ends as {@code CANCELLED}. */
  CANCELLING,
  /**
   * Done; the result holds its output, or an error result when the code raised ({@code Finished}).
   */
  FINISHED,
  /** Stopped by a cancel before it finished ({@code Cancelled}). */
  CANCELLED,
  /** The command could not be run ({@code Error}); the result carries the cause. */
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
