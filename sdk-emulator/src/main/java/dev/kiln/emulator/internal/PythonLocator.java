package dev.kiln.emulator.internal;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Optional;

/** Finds {@code python3} on the PATH, as a shell would. */
final class PythonLocator {
  private static final String[] NAMES = {"python3", "python3.exe"};

  private PythonLocator() {}

  static Optional<Path> onPath() {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (String directory : path.split(File.pathSeparator)) {
      if (directory.isEmpty()) {
        continue;
      }
      for (String name : NAMES) {
        try {
          Path candidate = Paths.get(directory, name);
          if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
            return Optional.of(candidate);
          }
        } catch (InvalidPathException ignored) {
          // a malformed PATH entry is skipped, as shells do
        }
      }
    }
    return Optional.empty();
  }
}
