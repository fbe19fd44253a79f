package dev.kiln.execution.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TextCleanerTest {
  @Test
  void stripsAnsiColourCodes() {
    assertEquals("Error: bad", TextCleaner.stripAnsi("\u001b[0;31mError\u001b[0m: \u001b[1;32mbad\u001b[0m"));
  }

  @Test
  void stripsTagsAndDecodesEntities() {
    assertEquals("AnalysisException: Table or view not found: `x` <y> & 'z' é",
        TextCleaner.stripHtml("<div class=\"err\"><b>AnalysisException</b>: Table or view not found: `x` "
            + "&lt;y&gt; &amp; &#39;z&#39; &#xE9;</div>"));
  }

  @Test
  void leavesUnknownEntitiesAlone() {
    assertEquals("a &bogus; b", TextCleaner.stripHtml("a &bogus; b"));
  }
}
