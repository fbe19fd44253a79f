package dev.kiln.vectorsearch.model;

import dev.kiln.core.spi.WireEnums;

/**
 * Outcome of an upsert or delete on a direct-access index.
 * {@link #UNKNOWN} stands for a value this SDK does not know yet; the model keeps the raw string.
 */
public enum WriteStatus {
  /** Every row was applied. */
  SUCCESS,
  /** Some rows were applied; the others are listed as failed primary keys. */
  PARTIAL_SUCCESS,
  /** No row was applied. */
  FAILURE,
  /**
   * A status this SDK does not know, or none was sent; treated as incomplete by
   * {@code WriteResult.isComplete()}.
   */
  UNKNOWN;

  /** The constant for a wire value; {@link #UNKNOWN} for null or unrecognised values. */
  public static WriteStatus fromWire(String raw) {
    return WireEnums.parse(WriteStatus.class, raw, UNKNOWN);
  }
}
