package dev.kiln.sql.model;

import java.util.Locale;

/** Encoding of result chunks. */
public enum Format {
  JSON_ARRAY,
  /** Arrow IPC streams; the statement runs, but sdk-sql cannot read the rows yet. */
  ARROW_STREAM,
  CSV,
  /** A format this SDK version does not know; see {@link ResultManifest#formatName()}. */
  UNKNOWN;

  public static Format fromName(String name) {
    if (name == null) {
      return UNKNOWN;
    }
    try {
      return valueOf(name.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException unknown) {
      return UNKNOWN;
    }
  }
}
