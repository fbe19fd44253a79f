package dev.kiln.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** {@code maxResultBytes}: EXTERNAL_LINKS results past it are cut and marked truncated; INLINE keeps its own limit. */
class ResultSizeLimitTest {
  @Test
  void externalLinkResultsAreCutAtTheConfiguredSize() {
    try (LocalWorkspace ws = LocalWorkspace.builder().maxResultBytes(1_000).start()) {
      Wire wire = new Wire(ws);
      JsonNode cut = wire.execute(Wire.statement(ws, "SELECT id FROM range(10000)").put("disposition", "EXTERNAL_LINKS"));
      assertTrue(cut.at("/manifest/truncated").asBoolean(), cut.toString());
      long rows = cut.at("/manifest/total_row_count").asLong();
      assertTrue(rows > 0 && rows < 10_000, "rows kept: " + rows);

      JsonNode small = wire.execute(Wire.statement(ws, "SELECT id FROM range(10)").put("disposition", "EXTERNAL_LINKS"));
      assertFalse(small.at("/manifest/truncated").asBoolean());
      assertEquals(10, small.at("/manifest/total_row_count").asLong());
    }
  }

  @Test
  void theLimitMustBePositive() {
    assertThrows(IllegalArgumentException.class, () -> LocalWorkspace.builder().maxResultBytes(0));
  }
}
