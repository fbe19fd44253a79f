package dev.kiln.sql.model;

import dev.kiln.core.WireEnums;

/** Encoding of result chunks. */
public enum Format {
  JSON_ARRAY,
  /** Arrow IPC streams; the statement runs, but sdk-sql cannot read the rows yet. */
  ARROW_STREAM,
  CSV,
  /** A format this SDK version does not know; see {@link ResultManifest#formatName()}. */
  UNKNOWN;

  public static Format fromName(String name) {
    return WireEnums.parse(Format.class, name, UNKNOWN);
  }
}
