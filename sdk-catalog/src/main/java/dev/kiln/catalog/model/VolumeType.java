package dev.kiln.catalog.model;

import dev.kiln.core.spi.WireEnums;

/**
 * Whether Unity Catalog manages a volume's storage or the volume points at an external location.
 * {@link #UNKNOWN} stands for a value this SDK does not know yet; the model keeps the raw string.
 */
public enum VolumeType {
  /**
   * Unity Catalog manages the storage, inside the schema's; dropping the volume deletes the files.
   */
  MANAGED,
  /** The files live at an external location path; dropping the volume leaves them. */
  EXTERNAL,
  /** A type this SDK does not know; the raw value stays on the model. */
  UNKNOWN;

  /** The constant for a wire value; {@link #UNKNOWN} for null or unrecognised values. */
  public static VolumeType fromWire(String raw) {
    return WireEnums.parse(VolumeType.class, raw, UNKNOWN);
  }
}
