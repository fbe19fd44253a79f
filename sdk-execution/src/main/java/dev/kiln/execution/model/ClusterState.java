package dev.kiln.execution.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import java.util.Locale;

/** The lifecycle state of a cluster ({@code state} of {@code /api/2.1/clusters/get}). */
public enum ClusterState {
  PENDING,
  RUNNING,
  RESTARTING,
  RESIZING,
  TERMINATING,
  TERMINATED,
  ERROR,
  /** Sent by the server as {@code UNKNOWN}, and also any state this version does not know. */
  @JsonEnumDefaultValue
  UNKNOWN;

  public static ClusterState fromWire(String raw) {
    if (raw == null) {
      return UNKNOWN;
    }
    try {
      return valueOf(raw.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException unknown) {
      return UNKNOWN;
    }
  }
}
