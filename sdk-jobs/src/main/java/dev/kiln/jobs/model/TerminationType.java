package dev.kiln.jobs.model;

import dev.kiln.core.spi.WireEnums;

/** {@code status.termination_details.type}: who or what ended the run. {@link #UNKNOWN} for values this SDK does not know. */
public enum TerminationType {
  /** The run ended as it should. */
  SUCCESS,
  /** A failure in the Databricks platform; retrying may help. */
  INTERNAL_ERROR,
  /** A problem in the run's input or setup, e.g. a bad parameter or a missing permission. */
  CLIENT_ERROR,
  /** A problem with the cloud provider, e.g. no capacity. */
  CLOUD_FAILURE,
  /** A type this SDK does not know; the raw value stays on the run. */
  UNKNOWN;

  /** The constant for a wire value; absent or unrecognised values give {@link #UNKNOWN}. */
  public static TerminationType fromWire(String value) {
    return WireEnums.parse(TerminationType.class, value, UNKNOWN);
  }
}
