package dev.kiln.sql.model;

import dev.kiln.core.spi.WireEnums;

/** How EXTERNAL_LINKS chunk bodies are compressed ({@code result_compression}). */
public enum ResultCompression {
  /** Bodies as they are. */
  NONE,
  /** Each body is an LZ4 frame (decoded by the SDK as it streams); sdk-sql asks for it for ARROW_STREAM links. */
  LZ4_FRAME,
  /** A compression this SDK version does not know; see {@link ResultManifest#rawResultCompression()}. */
  UNKNOWN;

  /** The constant for a wire value, {@link #UNKNOWN} for null or unrecognised text. */
  public static ResultCompression fromWire(String raw) {
    return WireEnums.parse(ResultCompression.class, raw, UNKNOWN);
  }
}
