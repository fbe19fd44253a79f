package dev.kiln.core.spi;

import java.time.Duration;

/**
 * The checks every {@code XOptions.Builder} makes: a bad knob is an {@link IllegalArgumentException}
 * that names it, its allowed range and the value given (options hold no secrets).
 */
public final class OptionChecks {
  private OptionChecks() {}

  public static <T> T notNull(T value, String name) {
    if (value == null) {
      throw new IllegalArgumentException(name + " must not be null");
    }
    return value;
  }

  /** A duration from {@code min} to {@code max}, both included. */
  public static Duration between(Duration value, String name, Duration min, Duration max) {
    notNull(value, name);
    if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
      throw new IllegalArgumentException(name + " must be " + describe(min) + " to " + describe(max) + ", was " + value);
    }
    return value;
  }

  /** A duration of at least {@code min}. */
  public static Duration atLeast(Duration value, String name, Duration min) {
    notNull(value, name);
    if (value.compareTo(min) < 0) {
      throw new IllegalArgumentException(name + " must be at least " + describe(min) + ", was " + value);
    }
    return value;
  }

  /** A number from {@code min} to {@code max}, both included; NaN is refused. */
  public static double between(double value, String name, double min, double max) {
    if (!(value >= min && value <= max)) {
      throw new IllegalArgumentException(name + " must be " + min + " to " + max + ", was " + value);
    }
    return value;
  }

  /** A whole number from {@code min} to {@code max}, both included. */
  public static int between(int value, String name, int min, int max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(name + " must be " + min + " to " + max + ", was " + value);
    }
    return value;
  }

  /** A whole number of at least {@code min} (a count, a size in bytes). */
  public static long atLeast(long value, String name, long min) {
    if (value < min) {
      throw new IllegalArgumentException(name + " must be at least " + min + ", was " + value);
    }
    return value;
  }

  /** A first poll gap no longer than the longest one. */
  public static void ordered(Duration initial, String initialName, Duration max, String maxName) {
    if (initial.compareTo(max) > 0) {
      throw new IllegalArgumentException(initialName + " " + initial + " exceeds " + maxName + " " + max);
    }
  }

  private static String describe(Duration d) {
    if (d.isZero()) {
      return "0";
    }
    if (d.toMillis() < 1000 || d.toMillis() % 1000 != 0) {
      return d.toMillis() + " ms";
    }
    long s = d.getSeconds();
    return s % 60 == 0 ? s / 60 + " min" : s + " s";
  }
}
