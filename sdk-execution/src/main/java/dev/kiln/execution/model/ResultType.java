package dev.kiln.execution.model;

import java.util.Locale;

/** The kind of output a command produced ({@code results.resultType}). */
public enum ResultType {
  /** Printed output, as text ({@code text}); read it with {@link CommandResult#text()}. */
  TEXT("text"),
  /**
   * A table of rows with a schema ({@code table}), e.g. from a SQL command or {@code display(df)};
   * read it with {@link CommandResult#table()}.
   */
  TABLE("table"),
  /** One image the server stored as a file; see {@link CommandImage#fileName()}. */
  IMAGE("image"),
  /** Several images ({@code images}), e.g. plots; read them with {@link CommandResult#images()}. */
  IMAGES("images"),
  /** Never seen in a returned result: errors raise {@code CommandFailedException}. */
  ERROR("error"),
  /** A type this version does not know; {@link CommandResult#rawType()} and {@code rawData()} keep it. */
  UNKNOWN("unknown");

  private final String wireValue;

  ResultType(String wireValue) {
    this.wireValue = wireValue;
  }

  /** The value of {@code results.resultType} for this type, e.g. {@code "text"}. */
  public String wireValue() {
    return wireValue;
  }

  /**
   * The type for the server's {@code resultType} text in any case; {@link #UNKNOWN} for null or
   * unrecognised text.
   *
   * @param raw the text as sent, may be null
   * @return the matching type, never null
   */
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
