package dev.kiln.jobs.model;

import dev.kiln.core.spi.WireEnums;

/** {@code status.termination_details.type}: who or what ended the run. {@link #UNKNOWN} for values this SDK does not know. */
public enum TerminationType {
  SUCCESS,
  INTERNAL_ERROR,
  CLIENT_ERROR,
  CLOUD_FAILURE,
  UNKNOWN;

  /** The constant for a wire value; absent or unrecognised values give {@link #UNKNOWN}. */
  public static TerminationType fromWire(String value) {
    return WireEnums.parse(TerminationType.class, value, UNKNOWN);
  }
}
