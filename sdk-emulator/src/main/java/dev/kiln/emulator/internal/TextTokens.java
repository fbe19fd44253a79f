package dev.kiln.emulator.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Lower-case words of a text (letters and digits), shared by the embedding model and hybrid keyword scoring. */
final class TextTokens {
  private TextTokens() {}

  static List<String> of(String text) {
    List<String> tokens = new ArrayList<>();
    if (text == null) {
      return tokens;
    }
    for (String token : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
      if (!token.isEmpty()) {
        tokens.add(token);
      }
    }
    return tokens;
  }

  /** Whitespace-separated words: the emulator's stand-in for LLM token counts in {@code usage}. */
  static int countWords(String text) {
    String trimmed = text == null ? "" : text.trim();
    return trimmed.isEmpty() ? 0 : trimmed.split("\\s+").length;
  }
}
