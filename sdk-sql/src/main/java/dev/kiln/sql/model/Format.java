package dev.kiln.sql.model;

import dev.kiln.core.spi.WireEnums;

/** Encoding of result chunks. */
public enum Format {
  /**
   * Rows as JSON arrays of strings (every value as text, NULL as null); the only format for INLINE
   * results.
   */
  JSON_ARRAY,
  /** Arrow IPC streams (EXTERNAL_LINKS only), read through the same {@code Row} getters; asked for LZ4-compressed. */
  ARROW_STREAM,
  /** RFC 4180 comma-separated rows, a header line in the first chunk (EXTERNAL_LINKS only). */
  CSV,
  /** A format this SDK version does not know; see {@link ResultManifest#rawFormat()}. */
  UNKNOWN;

  /** The constant for a wire value, {@link #UNKNOWN} for null or unrecognised text. */
  public static Format fromWire(String raw) {
    return WireEnums.parse(Format.class, raw, UNKNOWN);
  }
}
