package dev.kiln.execution.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.kiln.core.error.InvalidRequestException;
import java.util.Locale;

/** The language of an execution context or of a single command; lowercase on the wire. */
public enum Language {
  /** Python ({@code python}). */
  PYTHON("python"),
  /** Spark SQL ({@code sql}). */
  SQL("sql"),
  /** Scala ({@code scala}). */
  SCALA("scala"),
  /** R ({@code r}). */
  R("r");

  private final String wireValue;

  Language(String wireValue) {
    this.wireValue = wireValue;
  }

  /** The value API 1.2 expects: {@code python}, {@code sql}, {@code scala} or {@code r}. */
  @JsonValue
  public String wireValue() {
    return wireValue;
  }

  /**
   * Parses a language name in any case, e.g. {@code "Python"}.
   *
   * @throws InvalidRequestException for null or a name other than python, sql, scala or r
   */
  @JsonCreator
  public static Language fromWire(String value) {
    if (value != null) {
      String v = value.trim().toLowerCase(Locale.ROOT);
      for (Language l : values()) {
        if (l.wireValue.equals(v)) {
          return l;
        }
      }
    }
    throw new InvalidRequestException("unknown language '" + value + "': use one of python, sql, scala, r");
  }
}
