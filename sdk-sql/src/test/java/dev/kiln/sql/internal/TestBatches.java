package dev.kiln.sql.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Batches turned back into rows of text, for assertions. */
final class TestBatches {
  private TestBatches() {}

  static List<String[]> rows(ChunkData d) {
    List<String[]> rows = new ArrayList<>();
    for (int r = 0; r < d.rowCount(); r++) {
      String[] values = new String[d.valueCount(r)];
      for (int c = 0; c < values.length; c++) {
        values[c] = d.text(r, c);
      }
      rows.add(values);
    }
    return rows;
  }

  /** Every batch of a body, as rows. */
  static List<String[]> parseAll(ChunkParser parser, String body) throws IOException {
    ChunkParser.Batches batches = parser.open(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    List<String[]> rows = new ArrayList<>();
    ChunkData d;
    while ((d = batches.next()) != null) {
      rows.addAll(rows(d));
    }
    return rows;
  }
}
