package dev.kiln.files.internal;

import dev.kiln.core.error.InvalidRequestException;
import java.util.ArrayList;
import java.util.List;

/**
 * The path checks made before anything is sent. Paths are not secrets, so the messages quote them
 * (shortened) to make the mistake obvious.
 */
public final class FilePaths {
  /** Longest path accepted (the services document 4096 bytes for UC volume paths). */
  public static final int MAX_PATH_LENGTH = 4096;

  private static final String DBFS_SCHEME = "dbfs:";
  private static final String VOLUMES = "/Volumes/";

  private FilePaths() {}

  /** A DBFS path: {@code dbfs:/a/b} or {@code /a/b}; returns it without the scheme. */
  public static String dbfs(String path, String name) {
    String p = common(path, name);
    if (p.startsWith(DBFS_SCHEME)) {
      p = p.substring(DBFS_SCHEME.length());
    }
    return absolute(p, name, "a DBFS path (dbfs:/... or /...)");
  }

  /** A workspace path: {@code /Workspace/Users/...}, {@code /Users/...} or any other absolute path. */
  public static String workspace(String path, String name) {
    return absolute(common(path, name), name, "an absolute workspace path (/Workspace/... or /Users/...)");
  }

  /**
   * The segments of a volume path after {@code /Volumes}: catalog, schema, volume and, for a file,
   * at least one more. {@code volumeRootAllowed} admits the volume itself (a directory).
   */
  public static List<String> volume(String path, String name, boolean volumeRootAllowed) {
    String p = common(path, name);
    if (!p.startsWith(VOLUMES)) {
      throw bad(name, p, "a volume path /Volumes/<catalog>/<schema>/<volume>/...");
    }
    String checked = absolute(p, name, "a volume path /Volumes/<catalog>/<schema>/<volume>/...");
    List<String> segments = new ArrayList<>(List.of(checked.substring(VOLUMES.length()).split("/")));
    int least = volumeRootAllowed ? 3 : 4;
    if (segments.size() < least) {
      throw bad(name, p, volumeRootAllowed
          ? "a volume path /Volumes/<catalog>/<schema>/<volume>[/...]"
          : "a file path inside a volume, /Volumes/<catalog>/<schema>/<volume>/<file>");
    }
    return segments;
  }

  /** Whether {@code path} names something in a UC volume (as opposed to DBFS). */
  public static boolean isVolume(String path) {
    return path != null && (path.startsWith(VOLUMES) || path.startsWith(DBFS_SCHEME + VOLUMES));
  }

  private static String common(String path, String name) {
    if (path == null) {
      throw new InvalidRequestException(name + " must not be null");
    }
    if (path.isBlank()) {
      throw new InvalidRequestException(name + " must not be blank");
    }
    if (path.length() > MAX_PATH_LENGTH) {
      throw new InvalidRequestException(name + " is " + path.length() + " characters; at most " + MAX_PATH_LENGTH + " are allowed");
    }
    for (int i = 0; i < path.length(); i++) {
      if (Character.isISOControl(path.charAt(i))) {
        throw bad(name, path, "a path without control characters");
      }
    }
    return path;
  }

  /** Absolute, no empty, '.' or '..' segment; one trailing '/' is dropped (except for the root). */
  private static String absolute(String p, String name, String expected) {
    if (!p.startsWith("/")) {
      throw bad(name, p, expected);
    }
    String trimmed = p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    if (trimmed.equals("/")) {
      return trimmed;
    }
    for (String segment : trimmed.substring(1).split("/", -1)) {
      if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
        throw bad(name, p, expected + " without empty, '.' or '..' segments");
      }
    }
    return trimmed;
  }

  private static InvalidRequestException bad(String name, String value, String expected) {
    String shown = value.length() > 200 ? value.substring(0, 200) + "…" : value;
    return new InvalidRequestException(name + " must be " + expected + ", was '" + shown + "'");
  }
}
