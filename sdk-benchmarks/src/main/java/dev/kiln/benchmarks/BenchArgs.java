package dev.kiln.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Benchmark parameters as every benchmark here reads them: system properties {@code bench.*}, then
 * {@code key=value} program arguments (which win; a leading {@code bench.} or dashes are ignored).
 */
final class BenchArgs {
  private final Properties values;

  private BenchArgs(Properties values) {
    this.values = values;
  }

  static BenchArgs of(Properties system, String[] args) {
    Properties p = new Properties();
    for (Map.Entry<Object, Object> e : system.entrySet()) {
      String key = String.valueOf(e.getKey());
      if (key.startsWith("bench.")) {
        p.setProperty(key.substring("bench.".length()), String.valueOf(e.getValue()));
      }
    }
    for (String arg : args) {
      int eq = arg.indexOf('=');
      if (eq < 1) {
        throw new IllegalArgumentException("arguments are key=value, e.g. rows=500000; got " + arg);
      }
      String key = arg.substring(0, eq).replaceFirst("^-*(bench\\.)?", "");
      p.setProperty(key, arg.substring(eq + 1));
    }
    return new BenchArgs(p);
  }

  String string(String key, String fallback) {
    return values.getProperty(key, fallback).trim();
  }

  int integer(String key, int fallback) {
    return Integer.parseInt(string(key, String.valueOf(fallback)));
  }

  long longValue(String key, long fallback) {
    return Long.parseLong(string(key, String.valueOf(fallback)));
  }

  boolean bool(String key, boolean fallback) {
    return Boolean.parseBoolean(string(key, String.valueOf(fallback)));
  }

  List<Integer> integers(String key, String fallback) {
    List<Integer> out = new ArrayList<>();
    for (String s : string(key, fallback).split(",")) {
      if (!s.isBlank()) {
        out.add(Integer.parseInt(s.trim()));
      }
    }
    return out;
  }
}
