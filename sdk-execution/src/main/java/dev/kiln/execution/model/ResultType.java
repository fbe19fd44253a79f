package dev.kiln.execution.model;

import java.util.Locale;

/** The kind of output a command produced ({@code results.resultType}). */
public enum ResultType {
  TEXT("text"),
  TABLE("table"),
  /** One image the server stored as a file; see {@link CommandImage#fileName()}. */
  IMAGE("image"),
  IMAGES("images"),
  /** Never seen in a returned result: errors raise {@code CommandFailedException}. */
  ERROR("error"),
  /** A type this version does not know; {@link CommandResult#rawType()} and {@code rawData()} keep it. */
  UNKNOWN("unknown");

  private final String wireValue;

  ResultType(String wireValue) {
    this.wireValue = wireValue;
  }

  public String wireValue() {
    return wireValue;
  }

  public static ResultType fromWire(String raw) {
    if (raw != null) {
      String v = raw.trim().toLowerCase(Locale.ROOT);
      for (ResultType t : values()) {
        if (t != UNKNOWN && t.wireValue.equals(v)) {
          return t;
        }
      }
    }
    return UNKNOWN;
  }
}
