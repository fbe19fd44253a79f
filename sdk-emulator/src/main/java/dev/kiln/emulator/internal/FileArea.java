package dev.kiln.emulator.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One tree of emulated files (DBFS, the workspace, the volumes) kept in a directory under the workspace's
 * temporary root. Maps absolute API paths to local files and back, refusing anything that would leave the tree.
 * Modification times follow the workspace's clock.
 */
final class FileArea {
  private final Path root;
  private final Clock clock;

  FileArea(Path root, Clock clock) {
    this.root = root;
    this.clock = clock;
    try {
      Files.createDirectories(root);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The local file for an absolute API path ({@code /} is the root); '.', '..' and empty segments are a 400. */
  Path resolve(String apiPath) {
    if (apiPath == null || !apiPath.startsWith("/")) {
      throw ApiException.invalidParameter("Path must be absolute: " + apiPath);
    }
    Path p = root;
    for (String segment : apiPath.split("/")) {
      if (segment.isEmpty()) {
        continue;
      }
      if (segment.equals(".") || segment.equals("..") || segment.indexOf('\\') >= 0 || segment.indexOf('\0') >= 0) {
        throw ApiException.invalidParameter("Invalid path: " + apiPath);
      }
      p = p.resolve(segment);
    }
    return p;
  }

  /** The API path of a local file in this tree. */
  String apiPath(Path local) {
    Path rel = root.relativize(local);
    if (rel.toString().isEmpty()) {
      return "/";
    }
    List<String> parts = new ArrayList<>();
    rel.forEach(part -> parts.add(part.toString()));
    return "/" + String.join("/", parts);
  }

  /** The entries of a directory, sorted by name. */
  List<Path> children(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.sorted().collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  long modifiedMillis(Path p) {
    try {
      return Files.getLastModifiedTime(p).toMillis();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  long size(Path p) {
    try {
      return Files.isDirectory(p) ? 0 : Files.size(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Stamps the workspace clock's time on a file that was just written. */
  void touch(Path p) {
    try {
      Files.setLastModifiedTime(p, FileTime.fromMillis(clock.millis()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void mkdirs(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A file with its parents created, replacing what was there, stamped with the clock. */
  void write(Path file, byte[] content) {
    try {
      Files.createDirectories(file.getParent());
      Files.write(file, content);
      touch(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Deletes a file or a whole tree; gone already is fine. */
  static void deleteTree(Path top) {
    if (!Files.exists(top)) {
      return;
    }
    try {
      Files.walkFileTree(top, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
          Files.deleteIfExists(file);
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
          Files.deleteIfExists(dir);
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** True when the first segment that exists on the way to {@code target} is a file (so no directory can be made). */
  Path fileInTheWay(Path target) {
    for (Path p = target; p != null && p.startsWith(root) && !p.equals(root); p = p.getParent()) {
      if (Files.isRegularFile(p)) {
        return p;
      }
    }
    return null;
  }
}
