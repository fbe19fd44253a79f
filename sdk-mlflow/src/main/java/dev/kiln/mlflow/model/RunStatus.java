package dev.kiln.mlflow.model;

import dev.kiln.core.spi.WireEnums;

/** A run's {@code status}; {@link #UNKNOWN} for values this SDK does not know (never sent). */
public enum RunStatus {
  /** Started and not ended yet. */
  RUNNING,
  /** Scheduled to run but not started yet. */
  SCHEDULED,
  /** Ended successfully. */
  FINISHED,
  /** Ended with an error. */
  FAILED,
  /** Stopped before it ended (e.g. killed by the user). */
  KILLED,
  /** A status this SDK does not know; the raw value stays on the object. Refused when sent. */
  UNKNOWN;

  /** The constant for a wire value; absent or unrecognised values give {@link #UNKNOWN}. */
  public static RunStatus fromWire(String value) {
    return WireEnums.parse(RunStatus.class, value, UNKNOWN);
  }

  /** Whether the run has ended (finished, failed or killed). */
  public boolean isTerminal() {
    return this == FINISHED || this == FAILED || this == KILLED;
  }
}
