package dev.kiln.vectorsearch.model;

import dev.kiln.core.spi.WireEnums;

/**
 * How an index is fed: synced from a Delta table, or written directly through the API.
 * {@link #UNKNOWN} stands for a value this SDK does not know yet; the model keeps the raw string.
 */
public enum IndexType {
  DELTA_SYNC,
  DIRECT_ACCESS,
  UNKNOWN;

  /** The constant for a wire value; {@link #UNKNOWN} for null or unrecognised values. */
  public static IndexType fromWire(String raw) {
    return WireEnums.parse(IndexType.class, raw, UNKNOWN);
  }
}
