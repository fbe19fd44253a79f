package dev.kiln.emulator.internal;

/**
 * Spark's datetime patterns (Java {@code DateTimeFormatter} letters: {@code yyyy-MM-dd HH:mm:ss.SSS}) as
 * DuckDB {@code strftime}/{@code strptime} formats. Text in single quotes is literal; {@code ''} is a quote.
 */
final class JavaDatePattern {
  private JavaDatePattern() {}

  static String toStrftime(String pattern) {
    return convert(pattern, false);
  }

  /** For parsing: DuckDB's strptime takes no {@code %-d} style flags, and reads one or two digits anyway. */
  static String toStrptime(String pattern) {
    return convert(pattern, true);
  }

  private static String convert(String pattern, boolean parsing) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < pattern.length()) {
      char c = pattern.charAt(i);
      if (c == '\'') {
        int end = i + 1;
        if (end < pattern.length() && pattern.charAt(end) == '\'') {
          out.append('\'');
          i += 2;
          continue;
        }
        while (end < pattern.length() && pattern.charAt(end) != '\'') {
          appendLiteral(out, pattern.charAt(end));
          end++;
        }
        i = end + 1;
        continue;
      }
      if (!Character.isLetter(c)) {
        appendLiteral(out, c);
        i++;
        continue;
      }
      int run = i;
      while (run < pattern.length() && pattern.charAt(run) == c) {
        run++;
      }
      out.append(field(c, run - i, parsing, pattern));
      i = run;
    }
    return out.toString();
  }

  private static void appendLiteral(StringBuilder out, char c) {
    out.append(c == '%' ? "%%" : String.valueOf(c));
  }

  private static String field(char letter, int count, boolean parsing, String pattern) {
    String unpadded = parsing ? "%" : "%-";
    switch (letter) {
      case 'y':
      case 'u':
        return count == 2 ? "%y" : "%Y";
      case 'M':
      case 'L':
        return count >= 4 ? "%B" : count == 3 ? "%b" : count == 2 ? "%m" : unpadded + "m";
      case 'd':
        return count == 2 ? "%d" : unpadded + "d";
      case 'D':
        return "%j";
      case 'H':
        return count == 2 ? "%H" : unpadded + "H";
      case 'h':
        return count == 2 ? "%I" : unpadded + "I";
      case 'm':
        return count == 2 ? "%M" : unpadded + "M";
      case 's':
        return count == 2 ? "%S" : unpadded + "S";
      case 'S':
        return count <= 3 ? "%g" : count <= 6 ? "%f" : "%n";
      case 'a':
        return "%p";
      case 'E':
        return count >= 4 ? "%A" : "%a";
      case 'X':
      case 'x':
      case 'Z':
        return "%z";
      case 'z':
      case 'V':
        return "%Z";
      default:
        throw new SqlFailure("INVALID_DATETIME_PATTERN.ILLEGAL_CHARACTER", "22007",
            "Unrecognized datetime pattern: " + pattern + ". Illegal pattern character found: " + letter + ".");
    }
  }
}
