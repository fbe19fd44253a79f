package dev.kiln.core.auth;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Finds an executable as a shell would: a path as given, a bare name on the search path. */
final class Executables {
  private static final boolean WINDOWS = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
  private static final List<String> WINDOWS_SUFFIXES = List.of(".exe", ".cmd", ".bat", "");

  private Executables() {}

  static Optional<Path> find(String nameOrPath, List<Path> searchPath) {
    if (nameOrPath.contains("/") || nameOrPath.contains("\\")) {
      Path p = Paths.get(nameOrPath);
      return runnable(p) ? Optional.of(p.toAbsolutePath()) : Optional.empty();
    }
    for (Path dir : searchPath) {
      for (String suffix : WINDOWS ? WINDOWS_SUFFIXES : List.of("")) {
        Path p = dir.resolve(nameOrPath + suffix);
        if (runnable(p)) {
          return Optional.of(p.toAbsolutePath());
        }
      }
    }
    return Optional.empty();
  }

  private static boolean runnable(Path p) {
    return Files.isRegularFile(p) && Files.isExecutable(p);
  }
}
