package dev.kiln.execution.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns the server's decorated error texts into plain text. */
public final class TextCleaner {
  /** CSI sequences such as {@code ESC[0;31m} (colours) plus the rarer OSC ones. */
  private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-?]*[ -/]*[@-~]|\u001B\\][^\u0007\u001B]*(\u0007|\u001B\\\\)");
  private static final Pattern TAG = Pattern.compile("<[^>]*>");
  private static final Pattern ENTITY = Pattern.compile("&(#[0-9]+|#[xX][0-9a-fA-F]+|[a-zA-Z]+);");

  private TextCleaner() {}

  public static String stripAnsi(String text) {
    return text == null ? null : ANSI.matcher(text).replaceAll("");
  }

  /** Removes tags and decodes entities; the summary of an error is HTML (and may carry ANSI too). */
  public static String stripHtml(String text) {
    if (text == null) {
      return null;
    }
    String noTags = TAG.matcher(stripAnsi(text)).replaceAll("");
    Matcher m = ENTITY.matcher(noTags);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(decode(m.group(1), m.group())));
    }
    m.appendTail(out);
    return out.toString().strip();
  }

  private static String decode(String entity, String whole) {
    switch (entity) {
      case "lt": return "<";
      case "gt": return ">";
      case "amp": return "&";
      case "quot": return "\"";
      case "apos": return "'";
      case "nbsp": return " ";
      default:
        try {
          if (entity.startsWith("#x") || entity.startsWith("#X")) {
            return new String(Character.toChars(Integer.parseInt(entity.substring(2), 16)));
          }
          if (entity.startsWith("#")) {
            return new String(Character.toChars(Integer.parseInt(entity.substring(1))));
          }
        } catch (IllegalArgumentException notACodePoint) {
          return whole;
        }
        return whole;
    }
  }
}
