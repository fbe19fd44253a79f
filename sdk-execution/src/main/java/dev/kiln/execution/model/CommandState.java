package dev.kiln.execution.model;

import java.util.Locale;

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

  public static CommandState fromWire(String raw) {
    if (raw == null) {
      return UNKNOWN;
    }
    try {
      return valueOf(raw.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException unknown) {
      return UNKNOWN;
    }
  }

  /** Finished, Cancelled and Error end a command; the others mean it may still change. */
  public boolean isTerminal() {
    return this == FINISHED || this == CANCELLED || this == ERROR;
  }
}
