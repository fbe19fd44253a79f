package dev.kiln.emulator.internal;

import java.util.Locale;
import java.util.Objects;

/** A notebook of the emulated workspace tree as the jobs scheduler runs it. Immutable. */
public final class Notebook {
  private final String path;
  private final String language;
  private final String source;

  Notebook(String path, String language, String source) {
    this.path = Objects.requireNonNull(path);
    this.language = Objects.requireNonNull(language).toUpperCase(Locale.ROOT);
    this.source = Objects.requireNonNull(source);
  }

  /** The workspace path without a {@code /Workspace} prefix, e.g. {@code /Users/me/etl}. */
  public String path() {
    return path;
  }

  /** {@code PYTHON}, {@code SQL}, {@code SCALA} or {@code R}. */
  public String language() {
    return language;
  }

  /** The source text as imported (SOURCE format, UTF-8). */
  public String source() {
    return source;
  }

  @Override
  public String toString() {
    return "Notebook[" + path + ", " + language + "]";
  }
}
