package dev.kiln.vectorsearch.model;

import dev.kiln.core.spi.WireEnums;

/**
 * The kind of compute behind a Vector Search endpoint.
 * {@link #UNKNOWN} stands for a value this SDK does not know yet; the model keeps the raw string.
 */
public enum EndpointType {
  /** The default compute: low latency; filters are written as a JSON object. */
  STANDARD,
  /** Compute for far more vectors at lower cost per vector; filters are a SQL-like string. */
  STORAGE_OPTIMIZED,
  /** A type this SDK does not know, or none was sent. */
  UNKNOWN;

  /** The constant for a wire value; {@link #UNKNOWN} for null or unrecognised values. */
  public static EndpointType fromWire(String raw) {
    return WireEnums.parse(EndpointType.class, raw, UNKNOWN);
  }
}
