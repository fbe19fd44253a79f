package dev.kiln.execution.model;

import dev.kiln.core.spi.WireEnums;

/** Whose fault a cluster termination was ({@code termination_reason.type}). */
public enum TerminationType {
  /** Ended as intended, e.g. on request or after the inactivity timeout. */
  SUCCESS,
  /**
   * Caused by the caller or the cluster's configuration (e.g. a bad init script or instance
   * profile); fixable by the user.
   */
  CLIENT_ERROR,
  /** A Databricks service failure; retrying later may help. */
  SERVICE_FAULT,
  /** A cloud provider failure, e.g. no capacity for the instance type. */
  CLOUD_FAILURE,
  /**
   * A type this SDK version does not know, or none sent; the raw text stays in the termination
   * reason.
   */
  UNKNOWN;

  /**
   * The constant for the server's text in any case; {@link #UNKNOWN} for null or unrecognised text.
   *
   * @param raw the text as sent, may be null
   * @return the matching type, never null
   */
  public static TerminationType fromWire(String raw) {
    return WireEnums.parse(TerminationType.class, raw, UNKNOWN);
  }
}
