package dev.kiln.emulator.internal;

import java.util.Locale;
import java.util.Objects;

/** A notebook of the workspace tree as a job task runs it: its path, language (PYTHON, SQL, SCALA, R) and source. */
final class Notebook {
  private final String path;
  private final String language;
  private final String source;

  Notebook(String path, String language, String source) {
    this.path = Objects.requireNonNull(path, "path");
    this.language = Objects.requireNonNull(language, "language").toUpperCase(Locale.ROOT);
    this.source = Objects.requireNonNull(source, "source");
  }

  String path() {
    return path;
  }

  String language() {
    return language;
  }

  String source() {
    return source;
  }
}
