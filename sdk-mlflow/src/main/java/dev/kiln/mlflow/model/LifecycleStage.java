package dev.kiln.mlflow.model;

import dev.kiln.core.spi.WireEnums;

/** {@code lifecycle_stage} of an experiment or run; {@link #UNKNOWN} for values this SDK does not know. */
public enum LifecycleStage {
  /** In use: listed by default searches. */
  ACTIVE,
  /** Deleted but restorable (until the workspace purges it). */
  DELETED,
  /** A stage this SDK does not know; the raw value stays on the object. */
  UNKNOWN;

  /** The constant for a wire value ({@code active}, {@code deleted}); absent or unrecognised values give {@link #UNKNOWN}. */
  public static LifecycleStage fromWire(String value) {
    return WireEnums.parse(LifecycleStage.class, value, UNKNOWN);
  }
}
