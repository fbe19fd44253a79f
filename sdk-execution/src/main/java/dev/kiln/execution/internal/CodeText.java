package dev.kiln.execution.internal;

/**
 * Removes the indentation all lines of submitted code share, like Python's {@code textwrap.dedent}:
 * code written as an indented Java string would otherwise be an IndentationError in Python.
 */
public final class CodeText {
  private CodeText() {}

  public static String dedent(String code) {
    String[] lines = code.split("\n", -1);
    String margin = null;
    for (String line : lines) {
      if (line.isBlank()) {
        continue; // blank lines do not count, as in textwrap.dedent
      }
      String indent = leadingWhitespace(line);
      margin = margin == null ? indent : commonPrefix(margin, indent);
    }
    if (margin == null || margin.isEmpty()) {
      return code;
    }
    StringBuilder out = new StringBuilder(code.length());
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (i > 0) {
        out.append('\n');
      }
      if (line.isBlank()) {
        out.append(line.endsWith("\r") ? "\r" : ""); // whitespace-only lines become empty
      } else {
        out.append(line, margin.length(), line.length());
      }
    }
    return out.toString();
  }

  private static String leadingWhitespace(String line) {
    int i = 0;
    while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
      i++;
    }
    return line.substring(0, i);
  }

  private static String commonPrefix(String a, String b) {
    int n = Math.min(a.length(), b.length());
    int i = 0;
    while (i < n && a.charAt(i) == b.charAt(i)) {
      i++;
    }
    return a.substring(0, i);
  }
}
