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
