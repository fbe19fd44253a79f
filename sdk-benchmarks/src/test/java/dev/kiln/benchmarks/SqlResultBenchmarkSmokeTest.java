package dev.kiln.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The benchmark harness on a tiny result: every variant (Kiln JSON and Arrow, raw, official) reads the same
 * rows with the same checksum, in every section. Correctness only; timings are the benchmark's business, never asserted here.
 */
class SqlResultBenchmarkSmokeTest {
  @Test
  @Timeout(60)
  void bothVariantsReadTheSameRowsInEverySection() throws Exception {
    BenchConfig config = new BenchConfig(2_000, 4, Arrays.asList(0, 5), 0, 1, true, true, true, true, true,
        Arrays.asList(500, 1_000));
    ByteArrayOutputStream log = new ByteArrayOutputStream();

    SqlResultBenchmark.Report report =
        SqlResultBenchmark.run(config, new PrintStream(log, true, StandardCharsets.UTF_8));

    List<SqlResultBenchmark.Section> sections = report.sections;
    assertEquals(6, sections.size(),
        "EXTERNAL_LINKS at 0 and 5 ms, numeric, numeric replayed in 500- and 1,000-row chunks, then INLINE");
    assertEquals(5, sections.get(0).results.size(), "Kiln JSON and Arrow, raw 4 and 16, official");
    assertEquals(4, sections.get(2).results.size(), "numeric: Kiln JSON, Arrow with and without LZ4, raw 16");
    assertEquals("REPLAYED numeric, 500-row chunks, +0 ms/link", sections.get(3).label());
    assertEquals("REPLAYED numeric, 1,000-row chunks, +0 ms/link", sections.get(4).label());
    for (int i = 3; i <= 4; i++) {
      assertEquals(4, sections.get(i).results.size(), "replayed: Kiln JSON, Arrow with and without LZ4, raw 16");
      assertEquals(2_000 / sections.get(i).chunkRows, sections.get(i).results.get(0).runs.get(0).chunks,
          "the replayed result has the section's chunk size");
    }
    for (SqlResultBenchmark.Section s : sections) {
      long expected = s.query.expectedChecksum(2_000);
      for (SqlResultBenchmark.Result r : s.results) {
        assertEquals(1, r.runs.size(), s.label() + " " + r.name);
        assertEquals(2_000, r.rows(), s.label() + " " + r.name);
        assertEquals(expected, r.checksum(), s.label() + " " + r.name);
        assertTrue(r.liveHeapBytes >= 0, "the heap probe ran for " + r.name);
      }
    }
    ByteArrayOutputStream table = new ByteArrayOutputStream();
    report.print(new PrintStream(table, true, StandardCharsets.UTF_8));
    String printed = table.toString(StandardCharsets.UTF_8);
    assertTrue(printed.contains("rows/s Kiln JSON / raw 16") && printed.contains("rows/s Kiln ARROW+LZ4 / Kiln JSON")
        && printed.contains("rows/s Kiln ARROW, no compression / Kiln JSON")
        && printed.contains("CPU/row Kiln JSON / raw 16"), printed);
  }
}
