package dev.kiln.mlflow.model;

import dev.kiln.core.spi.WireEnums;

/** A model version's registration {@code status}; {@link #UNKNOWN} for values this SDK does not know. */
public enum ModelVersionStatus {
  /** The workspace is still copying the version's artifacts; poll until it is {@link #READY}. */
  PENDING_REGISTRATION,
  /** Registered: its files are in place and it can be served or transitioned. */
  READY,
  /** Registration failed; {@code status_message} says why. */
  FAILED_REGISTRATION,
  /** A status this SDK does not know; the raw value stays on the object. */
  UNKNOWN;

  /** The constant for a wire value; absent or unrecognised values give {@link #UNKNOWN}. */
  public static ModelVersionStatus fromWire(String value) {
    return WireEnums.parse(ModelVersionStatus.class, value, UNKNOWN);
  }
}
