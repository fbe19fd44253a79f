package dev.kiln.mlflow.model;

import dev.kiln.core.spi.WireEnums;

/**
 * The stage of a model version in the workspace model registry. On the wire the stages are written
 * {@code None}, {@code Staging}, {@code Production} and {@code Archived} ({@link #wire()}); models
 * keep the raw text beside this enum. Unity Catalog models have no stages: they use aliases
 * ({@code PUT /api/2.1/unity-catalog/models/{full_name}/aliases/{alias}}) instead.
 */
public enum ModelStage {
  /** Not in any stage: where a new version starts ({@code None}). */
  NONE("None"),
  /** Being validated before production ({@code Staging}). */
  STAGING("Staging"),
  /** Serving production traffic ({@code Production}). */
  PRODUCTION("Production"),
  /** Retired ({@code Archived}); {@code archiveExistingVersions} moves replaced versions here. */
  ARCHIVED("Archived"),
  /** A stage this SDK does not know; it cannot be sent. */
  UNKNOWN(null);

  private final String wire;

  ModelStage(String wire) {
    this.wire = wire;
  }

  /** The text the API uses, e.g. {@code Production}; null for {@link #UNKNOWN}. */
  public String wire() {
    return wire;
  }

  /** The constant for a wire value (case-insensitive); absent or unrecognised values give {@link #UNKNOWN}. */
  public static ModelStage fromWire(String value) {
    return WireEnums.parse(ModelStage.class, value, UNKNOWN);
  }
}
