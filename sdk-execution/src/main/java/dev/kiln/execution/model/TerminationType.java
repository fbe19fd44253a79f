package dev.kiln.execution.model;

import dev.kiln.core.spi.WireEnums;

/** Whose fault a cluster termination was ({@code termination_reason.type}). */
public enum TerminationType {
  SUCCESS,
  CLIENT_ERROR,
  SERVICE_FAULT,
  CLOUD_FAILURE,
  UNKNOWN;

  public static TerminationType fromWire(String raw) {
    return WireEnums.parse(TerminationType.class, raw, UNKNOWN);
  }
}
