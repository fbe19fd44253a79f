package dev.kiln.core.spi;

import dev.kiln.core.ApiRequest;
import dev.kiln.core.error.InvalidRequestException;

/**
 * Argument checks every Kiln client makes before anything is sent; each failure is an
 * {@link InvalidRequestException} that names the argument (never its value, which may be a secret).
 */
public final class Args {
  private Args() {}

  public static <T> T notNull(T value, String name) {
    if (value == null) {
      throw new InvalidRequestException(name + " must not be null");
    }
    return value;
  }

  /** Not null, not empty, not only white space. */
  public static String notBlank(String value, String name) {
    notNull(value, name);
    if (value.isBlank()) {
      throw new InvalidRequestException(name + " must not be blank");
    }
    return value;
  }

  /**
   * An id or name that goes into a path: not blank, at most {@link ApiRequest#MAX_SEGMENT_LENGTH}
   * characters, and not {@code .} or {@code ..} (which URL normalisation would turn into another
   * resource).
   */
  public static String id(String value, String name) {
    return id(value, name, ApiRequest.MAX_SEGMENT_LENGTH);
  }

  /** As {@link #id(String, String)} with an API's documented limit. */
  public static String id(String value, String name, int maxLength) {
    notBlank(value, name);
    if (value.length() > maxLength) {
      throw new InvalidRequestException(name + " is " + value.length() + " characters; at most " + maxLength + " are allowed");
    }
    if (value.equals(".") || value.equals("..")) {
      throw new InvalidRequestException(name + " must not be '" + value + "'");
    }
    return value;
  }

  /** A text at most {@code maxLength} characters long (a question, a comment). */
  public static String maxLength(String value, String name, int maxLength) {
    if (value != null && value.length() > maxLength) {
      throw new InvalidRequestException(name + " is " + value.length() + " characters; at most " + maxLength + " are allowed");
    }
    return value;
  }

  public static int positive(int value, String name) {
    if (value < 1) {
      throw new InvalidRequestException(name + " must be positive, was " + value);
    }
    return value;
  }
}
