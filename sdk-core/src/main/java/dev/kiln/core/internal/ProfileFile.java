package dev.kiln.core.internal;

import dev.kiln.core.error.ConfigurationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The {@code ~/.databrickscfg} INI file: {@code [profile]} sections of {@code key = value} lines. */
public final class ProfileFile {
  private final Path path;
  private final Map<String, Map<String, String>> profiles;

  private ProfileFile(Path path, Map<String, Map<String, String>> profiles) {
    this.path = path;
    this.profiles = profiles;
  }

  /** Reads the file, or returns empty when it does not exist. A malformed file is an error. */
  public static Optional<ProfileFile> read(Path path) {
    if (!Files.exists(path)) {
      return Optional.empty();
    }
    List<String> lines;
    try {
      lines = Files.readAllLines(path, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ConfigurationException("cannot read the Databricks config file " + path + ": " + e.getMessage(), e);
    }
    return Optional.of(parse(path, lines));
  }

  static ProfileFile parse(Path path, List<String> lines) {
    Map<String, Map<String, String>> profiles = new LinkedHashMap<>();
    Map<String, String> current = null;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
        continue;
      }
      if (line.startsWith("[")) {
        if (!line.endsWith("]") || line.length() < 3) {
          throw malformed(path, i, "a section header must look like [name]");
        }
        String name = line.substring(1, line.length() - 1).strip();
        current = profiles.computeIfAbsent(name, k -> new LinkedHashMap<>());
        continue;
      }
      int eq = line.indexOf('=');
      if (eq <= 0) {
        throw malformed(path, i, "expected 'key = value'");
      }
      if (current == null) {
        throw malformed(path, i, "a setting must follow a [profile] header");
      }
      String key = line.substring(0, eq).strip().toLowerCase(Locale.ROOT);
      current.put(key, line.substring(eq + 1).strip());
    }
    profiles.replaceAll((k, v) -> Collections.unmodifiableMap(v));
    return new ProfileFile(path, Collections.unmodifiableMap(profiles));
  }

  private static ConfigurationException malformed(Path path, int index, String why) {
    // The line itself is not quoted: it may hold a secret.
    return new ConfigurationException("malformed Databricks config file " + path + " at line " + (index + 1) + ": " + why);
  }

  public Path path() {
    return path;
  }

  public Optional<Map<String, String>> profile(String name) {
    return Optional.ofNullable(profiles.get(name));
  }

  public java.util.Set<String> profileNames() {
    return profiles.keySet();
  }
}
