package dev.kiln.sql.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonArrayChunkParserTest {
  @Test
  void rowsOfTextAndNulls() throws IOException {
    List<String[]> rows = parse("[[\"a\",\"1\",null],[\"b\",\"2\",\"x\"],[]]");
    assertEquals(3, rows.size());
    assertArrayEquals(new String[] {"a", "1", null}, rows.get(0));
    assertArrayEquals(new String[0], rows.get(2));
  }

  @Test
  void toleratesUnquotedScalarsAndInlinedJson() throws IOException {
    List<String[]> rows = parse("[[1, true, {\"k\": [1, 2]}]]");
    assertArrayEquals(new String[] {"1", "true", "{\"k\":[1,2]}"}, rows.get(0));
  }

  @Test
  void escapesAreDecodedOnceAndUnicodeKept() throws IOException {
    List<String[]> rows = parse("[[\"a\\\"b\\\\c\\/\\n\\t\", \"\\u00e9\\ud83d\\ude00\", \"é😀\", \"\"]]");
    assertArrayEquals(new String[] {"a\"b\\c/\n\t", "é😀", "é😀", ""}, rows.get(0));
  }

  @Test
  void rowsSpanBuffersAndBatches() throws IOException {
    StringBuilder b = new StringBuilder("[");
    String longText = "y".repeat(70_000); // longer than the 64 KiB read buffer
    for (int i = 0; i < 10_000; i++) {
      b.append(i == 0 ? "" : ",\n ").append("[\"").append(i).append("\", ").append(i % 7 == 0 ? "null" : "\"t" + i + "\"")
          .append(i == 5000 ? ", \"" + longText + "\"" : "").append("]");
    }
    ChunkParser.Batches batches = new JsonArrayChunkParser().open(
        new ByteArrayInputStream(b.append("]").toString().getBytes(StandardCharsets.UTF_8)));
    int total = 0;
    int count = 0;
    ChunkData d;
    while ((d = batches.next()) != null) {
      count++;
      for (int r = 0; r < d.rowCount(); r++, total++) {
        assertEquals(total, d.getLong(r, 0));
        assertEquals(total % 7 == 0, d.isNull(r, 1));
        if (total == 5000) {
          assertEquals(longText, d.text(r, 2));
        }
      }
    }
    assertEquals(10_000, total);
    assertEquals(true, count > 1, "several batches");
  }

  @Test
  void typedReadsComeStraightFromTheBytes() throws IOException {
    ChunkData d = new JsonArrayChunkParser().open(new ByteArrayInputStream(("[[\"-9223372036854775808\", \"123456789012345678\","
        + " \"0.1\", \"-1.5e3\", \"TRUE\", \" 42 \", \"1e400\", \"12345678901234567890.5\", 7]]")
        .getBytes(StandardCharsets.UTF_8))).next();
    assertEquals(Long.MIN_VALUE, d.getLong(0, 0));
    assertEquals(123456789012345678L, d.getLong(0, 1));
    assertEquals(0.1, d.getDouble(0, 2));
    assertEquals(-1500.0, d.getDouble(0, 3));
    assertEquals(true, d.getBoolean(0, 4));
    assertEquals(42, d.getLong(0, 5), "blanks around a number are still accepted");
    assertEquals(Double.POSITIVE_INFINITY, d.getDouble(0, 6));
    assertEquals(12345678901234567890.5, d.getDouble(0, 7));
    assertEquals(7, d.getLong(0, 8));
    assertEquals(0.1 + 0.2, parseDouble("0.30000000000000004"));
    assertThrows(NumberFormatException.class, () -> d.getLong(0, 2));
  }

  private static double parseDouble(String text) throws IOException {
    return new JsonArrayChunkParser().open(new ByteArrayInputStream(("[[\"" + text + "\"]]")
        .getBytes(StandardCharsets.UTF_8))).next().getDouble(0, 0);
  }

  @Test
  void emptyChunk() throws IOException {
    assertEquals(0, parse("[]").size());
  }

  @Test
  void truncatedOrWrongBodiesAreErrors() {
    assertThrows(IOException.class, () -> parse("[[\"a\",\"1\"],[\"b\""));
    assertThrows(IOException.class, () -> parse("{\"rows\":[]}"));
    assertThrows(IOException.class, () -> parse("[\"not a row\"]"));
    assertThrows(IOException.class, () -> parse(""));
  }

  private static List<String[]> parse(String json) throws IOException {
    return TestBatches.parseAll(new JsonArrayChunkParser(), json);
  }
}
