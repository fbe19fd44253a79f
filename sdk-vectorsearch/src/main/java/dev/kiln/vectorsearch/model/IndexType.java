package dev.kiln.vectorsearch.model;

import dev.kiln.core.spi.WireEnums;

/**
 * How an index is fed: synced from a Delta table, or written directly through the API.
 * {@link #UNKNOWN} stands for a value this SDK does not know yet; the model keeps the raw string.
 */
public enum IndexType {
  /**
   * Kept in step with a Delta table by a sync pipeline; embeddings computed by a model endpoint or
   * read from a column.
   */
  DELTA_SYNC,
  /**
   * Written and deleted directly through {@code upsert} and {@code delete}; the caller supplies the
   * vectors.
   */
  DIRECT_ACCESS,
  /** A type this SDK does not know, or none was sent. */
  UNKNOWN;

  /** The constant for a wire value; {@link #UNKNOWN} for null or unrecognised values. */
  public static IndexType fromWire(String raw) {
    return WireEnums.parse(IndexType.class, raw, UNKNOWN);
  }
}
