package dev.kiln.catalog.model;

import dev.kiln.core.error.InvalidRequestException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A Unity Catalog name of one to three parts ({@code catalog}, {@code catalog.schema},
 * {@code catalog.schema.table}), parsed and checked before anything is sent. Parts may be written
 * in backquotes as in SQL ({@code `my-catalog`.sales.`q1-orders`}, a doubled backquote standing for
 * one); the API receives them unquoted ({@code my-catalog.sales.q1-orders}). Unity Catalog forbids
 * in every part: periods, spaces, forward slashes, ASCII control characters and DELETE, and more
 * than 255 characters; a name breaking these rules fails with {@link InvalidRequestException}.
 */
public final class FullName {
  /** Unity Catalog's limit on one part of a name. */
  public static final int MAX_PART_LENGTH = 255;

  private final List<String> parts;

  private FullName(List<String> parts) {
    this.parts = List.copyOf(parts);
  }

  /** Parses a name of one to three parts. */
  public static FullName parse(String text) {
    return parse(text, 1, 3, "name");
  }

  /** Parses a name that must have exactly {@code parts} parts; {@code what} names it in errors. */
  public static FullName parse(String text, int parts, String what) {
    return parse(text, parts, parts, what);
  }

  private static FullName parse(String text, int minParts, int maxParts, String what) {
    if (text == null) {
      throw new InvalidRequestException(what + " must not be null");
    }
    if (text.isBlank()) {
      throw new InvalidRequestException(what + " must not be blank");
    }
    List<String> parts = new ArrayList<>();
    StringBuilder part = new StringBuilder();
    boolean quoted = false; // the current part was written in backquotes
    int i = 0;
    while (i <= text.length()) {
      if (i == text.length() || text.charAt(i) == '.') {
        parts.add(checkPart(part.toString(), what + " part " + (parts.size() + 1)));
        part.setLength(0);
        quoted = false;
        i++;
        continue;
      }
      char c = text.charAt(i);
      if (c == '`') {
        if (part.length() > 0 || quoted) {
          throw new InvalidRequestException(what + ": a backquote may only open a whole part (at " + i + ")");
        }
        int close = i + 1;
        while (true) {
          close = text.indexOf('`', close);
          if (close < 0) {
            throw new InvalidRequestException(what + ": unclosed backquote at " + i);
          }
          if (close + 1 < text.length() && text.charAt(close + 1) == '`') {
            close += 2; // a doubled backquote is one backquote of the name
            continue;
          }
          break;
        }
        part.append(text, i + 1, close);
        String unquoted = part.toString().replace("``", "`");
        part.setLength(0);
        part.append(unquoted);
        quoted = true;
        i = close + 1;
        if (i < text.length() && text.charAt(i) != '.') {
          throw new InvalidRequestException(what + ": expected '.' after the backquoted part at " + i);
        }
        continue;
      }
      if (quoted) {
        throw new InvalidRequestException(what + ": expected '.' after the backquoted part at " + i);
      }
      part.append(c);
      i++;
    }
    if (parts.size() < minParts || parts.size() > maxParts) {
      String expected = minParts == maxParts ? String.valueOf(minParts) : minParts + " to " + maxParts;
      throw new InvalidRequestException(what + " must have " + expected + " part(s) ("
          + example(maxParts) + "), got " + parts.size());
    }
    return new FullName(parts);
  }

  /** Names made of parts already split (no quoting involved), each checked. */
  public static FullName of(String... parts) {
    Objects.requireNonNull(parts, "parts");
    if (parts.length < 1 || parts.length > 3) {
      throw new InvalidRequestException("a name has 1 to 3 parts, got " + parts.length);
    }
    List<String> checked = new ArrayList<>();
    for (int i = 0; i < parts.length; i++) {
      checked.add(checkPart(parts[i], "name part " + (i + 1)));
    }
    return new FullName(checked);
  }

  private static String example(int parts) {
    return parts == 1 ? "catalog" : parts == 2 ? "catalog.schema" : "catalog.schema.name";
  }

  /** Checks one name part against Unity Catalog's rules; returns it. */
  public static String checkPart(String part, String what) {
    if (part == null) {
      throw new InvalidRequestException(what + " must not be null");
    }
    if (part.isEmpty()) {
      throw new InvalidRequestException(what + " must not be empty");
    }
    if (part.length() > MAX_PART_LENGTH) {
      throw new InvalidRequestException(what + " is " + part.length() + " characters; at most "
          + MAX_PART_LENGTH + " are allowed");
    }
    for (int i = 0; i < part.length(); i++) {
      char c = part.charAt(i);
      if (c == '.' || c == ' ' || c == '/' || c < 0x20 || c == 0x7F) {
        throw new InvalidRequestException(what + " contains " + describe(c)
            + ", which Unity Catalog names may not contain");
      }
    }
    return part;
  }

  private static String describe(char c) {
    switch (c) {
      case '.':
        return "a period";
      case ' ':
        return "a space";
      case '/':
        return "a forward slash";
      default:
        return String.format("the control character U+%04X", (int) c);
    }
  }

  /**
   * The unquoted parts, catalog first.
   *
   * @return one to three parts, never empty
   */
  public List<String> parts() {
    return parts;
  }

  /**
   * How many parts the name has.
   *
   * @return 1 to 3
   */
  public int size() {
    return parts.size();
  }

  /**
   * The first part: the catalog.
   *
   * @return the catalog's name, unquoted
   */
  public String catalog() {
    return parts.get(0);
  }

  /** The schema, for names of two or three parts. */
  public String schema() {
    if (parts.size() < 2) {
      throw new IllegalStateException(this + " has no schema part");
    }
    return parts.get(1);
  }

  /** The last part: the table, volume or function name of a three-part name. */
  public String name() {
    return parts.get(parts.size() - 1);
  }

  /** The form the API takes: parts joined with dots, unquoted. */
  @Override
  public String toString() {
    return String.join(".", parts);
  }

  /** The form SQL takes: every part in backquotes. */
  public String toSql() {
    StringBuilder out = new StringBuilder();
    for (String part : parts) {
      if (out.length() > 0) {
        out.append('.');
      }
      out.append('`').append(part.replace("`", "``")).append('`');
    }
    return out.toString();
  }

  /** Equal when the unquoted parts are equal (so quoting does not matter; case does). */
  @Override
  public boolean equals(Object o) {
    return o instanceof FullName && ((FullName) o).parts.equals(parts);
  }

  /** A hash of the unquoted parts, consistent with {@link #equals(Object)}. */
  @Override
  public int hashCode() {
    return parts.hashCode();
  }
}
