package dev.kiln.core.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Keeps credentials out of messages built from what a server sent back: an error page may echo the
 * request's headers. Exact values the client sent are masked, and so is any {@code Bearer x} /
 * {@code Basic x} text, whoever's credential it is.
 */
public final class Redaction {
  static final String MASK = "***";
  /** "Bearer" in any case, with whatever token follows it. */
  private static final Pattern BEARER = Pattern.compile("\\b((?i:bearer))(?:\\s+|%20|\\+)[^\\s\"'<>,;&]+");
  /** "Basic" as written in a header and followed by base64, so prose such as "basic tier" stays. */
  private static final Pattern BASIC = Pattern.compile("\\b(Basic)(?:\\s+|%20|\\+)[A-Za-z0-9+/=]{8,}");
  /** Shorter values are not masked on their own: they would blank unrelated text. */
  private static final int MIN_SECRET = 6;

  private Redaction() {}

  /** The credential values in headers the pipeline sent: each whole value and its part after a scheme. */
  public static Collection<String> secretsOf(Map<String, String> authHeaders) {
    if (authHeaders == null || authHeaders.isEmpty()) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (String v : authHeaders.values()) {
      if (v == null) {
        continue;
      }
      out.add(v);
      int space = v.indexOf(' ');
      if (space > 0) {
        out.add(v.substring(space + 1).strip());
      }
    }
    return out;
  }

  /** {@code text} with every secret and every {@code Bearer …}/{@code Basic …} credential masked. */
  public static String redact(String text, Collection<String> secrets) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String out = text;
    for (String s : secrets) {
      if (s != null && s.length() >= MIN_SECRET) {
        out = out.replace(s, MASK);
      }
    }
    out = BEARER.matcher(out).replaceAll("$1 " + MASK);
    return BASIC.matcher(out).replaceAll("$1 " + MASK);
  }

  /** Only the scheme-based masking, for text not tied to one request. */
  public static String redact(String text) {
    return redact(text, List.of());
  }
}
