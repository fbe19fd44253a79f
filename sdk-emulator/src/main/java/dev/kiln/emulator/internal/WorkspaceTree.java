package dev.kiln.emulator.internal;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The workspace tree (notebooks, files, directories): content on disk in a {@link FileArea}, object metadata
 * (type, language, id, creation time) in memory. {@code /Workspace/...} and {@code /...} name the same object;
 * paths are kept and returned without the prefix. {@code /Users} and {@code /Shared} exist from the start.
 * Thread-safe (one lock).
 */
final class WorkspaceTree {
  static final String NOTEBOOK = "NOTEBOOK";
  static final String FILE = "FILE";
  static final String DIRECTORY = "DIRECTORY";

  private final FileArea area;
  private final Clock clock;
  private final Map<String, Meta> meta = new ConcurrentHashMap<>();
  private final AtomicLong ids = new AtomicLong(1_000_000_000L);

  static final class Meta {
    final String type;
    final String language;
    final long objectId;
    final long createdAt;

    Meta(String type, String language, long objectId, long createdAt) {
      this.type = type;
      this.language = language;
      this.objectId = objectId;
      this.createdAt = createdAt;
    }
  }

  WorkspaceTree(FileArea area, Clock clock) {
    this.area = area;
    this.clock = clock;
    mkdirs("/Users");
    mkdirs("/Shared");
  }

  /** {@code /Workspace/a} → {@code /a}; a trailing slash dropped. */
  static String normalize(String path) {
    if (path == null || path.isEmpty()) {
      throw ApiException.invalidParameter("Path must be specified.");
    }
    if (!path.startsWith("/")) {
      throw ApiException.invalidParameter("Path (" + path + ") doesn't start with '/'");
    }
    String p = path.equals("/Workspace") ? "/" : path.startsWith("/Workspace/") ? path.substring("/Workspace".length()) : path;
    return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
  }

  Path local(String normalized) {
    return area.resolve(normalized);
  }

  synchronized Optional<Meta> meta(String normalized) {
    Path p = local(normalized);
    if (!Files.exists(p)) {
      return Optional.empty();
    }
    if (Files.isDirectory(p)) {
      return Optional.of(meta.computeIfAbsent(normalized, k -> new Meta(DIRECTORY, null, ids.incrementAndGet(), clock.millis())));
    }
    return Optional.ofNullable(meta.get(normalized));
  }

  synchronized List<String> children(String normalized) {
    List<String> out = new ArrayList<>();
    for (Path c : area.children(local(normalized))) {
      out.add(area.apiPath(c));
    }
    return out;
  }

  /** mkdir -p; the path of a non-directory on the way when there is one. */
  synchronized Optional<String> mkdirs(String normalized) {
    Path p = local(normalized);
    Path file = area.fileInTheWay(p);
    if (file != null) {
      return Optional.of(area.apiPath(file));
    }
    area.mkdirs(p);
    return Optional.empty();
  }

  synchronized void put(String normalized, String type, String language, byte[] content) {
    Path p = local(normalized);
    Meta old = meta.get(normalized);
    area.write(p, content);
    long created = old == null ? clock.millis() : old.createdAt;
    long id = old == null ? ids.incrementAndGet() : old.objectId;
    meta.put(normalized, new Meta(type, language, id, created));
  }

  synchronized byte[] content(String normalized) {
    try {
      return Files.readAllBytes(local(normalized));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  synchronized void delete(String normalized) {
    FileArea.deleteTree(local(normalized));
    String prefix = normalized + "/";
    meta.keySet().removeIf(k -> k.equals(normalized) || k.startsWith(prefix));
  }

  long modifiedAt(String normalized) {
    return area.modifiedMillis(local(normalized));
  }

  long size(String normalized) {
    return area.size(local(normalized));
  }

  /** The notebook at {@code path} (with or without {@code /Workspace}), for the jobs scheduler. */
  Optional<Notebook> notebook(String path) {
    String p;
    try {
      p = normalize(path);
    } catch (ApiException e) {
      return Optional.empty();
    }
    synchronized (this) {
      Optional<Meta> m = meta(p);
      if (m.isEmpty() || !NOTEBOOK.equals(m.get().type)) {
        return Optional.empty();
      }
      return Optional.of(new Notebook(p, m.get().language, new String(content(p), StandardCharsets.UTF_8)));
    }
  }

  /** Seeding: a notebook with its parent directories. */
  void addNotebook(String path, String language, String source) {
    if (!java.util.Set.of("PYTHON", "SQL", "SCALA", "R").contains(language)) {
      throw new IllegalArgumentException("language must be PYTHON, SQL, SCALA or R, was " + language);
    }
    java.util.Objects.requireNonNull(source, "source");
    String p = normalize(path);
    synchronized (this) {
      int slash = p.lastIndexOf('/');
      if (slash > 0) {
        mkdirs(p.substring(0, slash)).ifPresent(f -> {
          throw new IllegalArgumentException("a file is in the way of " + path + ": " + f);
        });
      }
      put(p, NOTEBOOK, language, source.getBytes(StandardCharsets.UTF_8));
    }
  }
}
