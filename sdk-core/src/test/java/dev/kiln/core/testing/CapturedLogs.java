package dev.kiln.core.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Every log line written through SLF4J during tests (this test-jar registers a capturing SLF4J
 * provider). WARN and ERROR lines are also printed to stderr.
 */
public final class CapturedLogs {
  private static final List<String> LINES = new ArrayList<>();

  private CapturedLogs() {}

  static void add(String line) {
    synchronized (LINES) {
      LINES.add(line);
    }
  }

  public static List<String> lines() {
    synchronized (LINES) {
      return List.copyOf(LINES);
    }
  }

  public static String all() {
    return lines().stream().collect(Collectors.joining("\n"));
  }

  public static void clear() {
    synchronized (LINES) {
      LINES.clear();
    }
  }
}
