package dev.kiln.emulator.internal;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Notebooks seeded with {@code LocalWorkspace.addNotebook}, found by path, in front of another source (the
 * workspace tree once it exists). Paths are normalised: {@code /Workspace/Shared/x} and {@code /Shared/x} are
 * the same notebook.
 */
final class SeededNotebooks implements NotebookSources {
  private static final Set<String> LANGUAGES = Set.of("PYTHON", "SQL", "SCALA", "R");

  private final Map<String, Notebook> notebooks = new ConcurrentHashMap<>();
  private final NotebookSources fallback;

  SeededNotebooks(NotebookSources fallback) {
    this.fallback = fallback;
  }

  void add(String path, String language, String source) {
    if (path == null || !path.startsWith("/") || path.endsWith("/")) {
      throw new IllegalArgumentException("a notebook path is absolute and names a notebook, e.g. /Shared/etl; got " + path);
    }
    Notebook notebook = new Notebook(normalise(path), language, source);
    if (!LANGUAGES.contains(notebook.language())) {
      throw new IllegalArgumentException("a notebook language is one of " + LANGUAGES + "; got " + language);
    }
    notebooks.put(notebook.path(), notebook);
  }

  @Override
  public Optional<Notebook> find(String path) {
    if (path == null) {
      return Optional.empty();
    }
    Notebook seeded = notebooks.get(normalise(path));
    return seeded != null ? Optional.of(seeded) : fallback.find(path);
  }

  private static String normalise(String path) {
    return path.startsWith("/Workspace/") ? path.substring("/Workspace".length()) : path;
  }
}
