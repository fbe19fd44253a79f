package dev.kiln.execution.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CodeTextTest {
  @Test
  void removesTheCommonIndentation() {
    assertEquals("if x:\n    y()\nz()", CodeText.dedent("    if x:\n        y()\n    z()"));
  }

  @Test
  void blankLinesDoNotCountAndBecomeEmpty() {
    assertEquals("a\n\nb\n", CodeText.dedent("  a\n        \n  b\n"));
  }

  @Test
  void mixedIndentationKeepsOnlyTheSharedPrefix() {
    assertEquals("\tx\n  y", CodeText.dedent("  \tx\n    y"));
  }

  @Test
  void unindentedCodeIsUnchanged() {
    String code = "print(1)\n  # comment\n";
    assertEquals(code, CodeText.dedent(code));
  }

  @Test
  void windowsLineEndingsSurvive() {
    assertEquals("a\r\n  b\r\n", CodeText.dedent("  a\r\n    b\r\n"));
  }
}
