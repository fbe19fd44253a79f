package dev.kiln.sql.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvChunkParserTest {
  @Test
  void rfc4180QuotingAcrossTheBufferBoundary() throws IOException {
    String longField = "x".repeat(10_000) + ",\"\n";
    String csv = "a,b\r\n\"" + longField.replace("\"", "\"\"") + "\",2\r\n\"\",null\r\n";

    List<String[]> rows = parse(csv, true);

    assertEquals(2, rows.size());
    assertArrayEquals(new String[] {longField, "2"}, rows.get(0));
    assertArrayEquals(new String[] {"", null}, rows.get(1));
  }

  @Test
  void laterChunksHaveNoHeaderAndTheLastLineMayLackABreak() throws IOException {
    List<String[]> rows = parse("1,é\n2,\"null\"", false);
    assertArrayEquals(new String[] {"1", "é"}, rows.get(0));
    assertArrayEquals(new String[] {"2", "null"}, rows.get(1), "a quoted null is the text null");
  }

  @Test
  void emptyLineIsOneEmptyField() throws IOException {
    List<String[]> rows = parse("\n\n", false);
    assertEquals(2, rows.size());
    assertArrayEquals(new String[] {""}, rows.get(0));
  }

  @Test
  void byteOrderMarkIsSkipped() throws IOException {
    assertArrayEquals(new String[] {"1"}, parse("\uFEFFh\n1\n", true).get(0));
  }

  @Test
  void brokenInputIsAnError() {
    assertThrows(IOException.class, () -> parse("1,\"unterminated\n", false));
    assertThrows(IOException.class, () -> parse("1,\"closed\"junk\n", false));
  }

  @Test
  void manyRecordsComeInSeveralBatches() throws IOException {
    StringBuilder many = new StringBuilder();
    for (int i = 0; i < 10_000; i++) {
      many.append(i).append(",é").append(i).append('\n');
    }
    List<String[]> rows = parse(many.toString(), false);
    assertEquals(10_000, rows.size());
    assertArrayEquals(new String[] {"9999", "é9999"}, rows.get(9999));
  }

  private static List<String[]> parse(String csv, boolean header) throws IOException {
    return TestBatches.parseAll(new CsvChunkParser(header), csv);
  }
}
