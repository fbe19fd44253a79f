package dev.kiln.vectorsearch.model;

import dev.kiln.core.spi.WireEnums;

/**
 * Outcome of an upsert or delete on a direct-access index.
 * {@link #UNKNOWN} stands for a value this SDK does not know yet; the model keeps the raw string.
 */
public enum WriteStatus {
  SUCCESS,
  PARTIAL_SUCCESS,
  FAILURE,
  UNKNOWN;

  /** The constant for a wire value; {@link #UNKNOWN} for null or unrecognised values. */
  public static WriteStatus fromWire(String raw) {
    return WireEnums.parse(WriteStatus.class, raw, UNKNOWN);
  }
}
