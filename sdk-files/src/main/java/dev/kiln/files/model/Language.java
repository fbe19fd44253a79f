package dev.kiln.files.model;

import dev.kiln.core.spi.WireEnums;

/** The language of a notebook; {@link #UNKNOWN} for values this SDK does not know (never sent). */
public enum Language {
  PYTHON,
  SCALA,
  SQL,
  R,
  UNKNOWN;

  public static Language fromWire(String value) {
    return WireEnums.parse(Language.class, value, UNKNOWN);
  }
}
