package dev.kiln.files.model;

import dev.kiln.core.spi.WireEnums;

/** The language of a notebook; {@link #UNKNOWN} for values this SDK does not know (never sent). */
public enum Language {
  /** Python. */
  PYTHON,
  /** Scala. */
  SCALA,
  /** SQL. */
  SQL,
  /** R. */
  R,
  /** A language this SDK does not know; the raw value stays on the object. Refused when sent. */
  UNKNOWN;

  /**
   * The language for a wire value, ignoring case and surrounding blanks.
   *
   * @param value as the server sent it; may be null
   * @return the matching constant, or {@link #UNKNOWN} for null or an unknown value
   */
  public static Language fromWire(String value) {
    return WireEnums.parse(Language.class, value, UNKNOWN);
  }
}
