package dev.kiln.emulator.internal;

/**
 * Positional parameters ({@code ?} markers bound by {@code ordinal}, as the JDBC driver sends a {@code
 * PreparedStatement}) become named markers, so the rest of the engine binds one kind of parameter. Markers
 * inside string literals, quoted identifiers and comments are left alone.
 */
final class PositionalMarkers {
  private PositionalMarkers() {}

  /** The name the {@code n}th (1-based) {@code ?} marker is bound under. */
  static String nameOf(int ordinal) {
    return "kiln_ordinal_" + ordinal;
  }

  static String toNamed(String sql) {
    StringBuilder out = new StringBuilder(sql.length() + 16);
    int ordinal = 0;
    int i = 0;
    while (i < sql.length()) {
      char c = sql.charAt(i);
      char next = i + 1 < sql.length() ? sql.charAt(i + 1) : 0;
      int end;
      if (c == '\'' || c == '"' || c == '`') {
        end = closingQuote(sql, i, c);
      } else if (c == '-' && next == '-') {
        end = sql.indexOf('\n', i);
        end = end < 0 ? sql.length() : end;
      } else if (c == '/' && next == '*') {
        end = sql.indexOf("*/", i + 2);
        end = end < 0 ? sql.length() : end + 2;
      } else if (c == '?') {
        out.append(':').append(nameOf(++ordinal)).append(' ');
        i++;
        continue;
      } else {
        end = i + 1;
      }
      out.append(sql, i, end);
      i = end;
    }
    return out.toString();
  }

  /** The index after the quote closing the one at {@code open}; a backslash escapes inside literals. */
  private static int closingQuote(String sql, int open, char quote) {
    int i = open + 1;
    while (i < sql.length()) {
      char c = sql.charAt(i);
      if (c == '\\' && quote != '`') {
        i += 2;
      } else if (c == quote) {
        if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
          i += 2; // doubled quote
        } else {
          return i + 1;
        }
      } else {
        i++;
      }
    }
    return sql.length();
  }
}
