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
 * The benchmark harness on a tiny result: Kiln and the official-SDK loop read the same rows with the same
 * checksum, in every section. Correctness only; timings are the benchmark's business, never asserted here.
 */
class SqlResultBenchmarkSmokeTest {
  @Test
  @Timeout(30)
  void bothVariantsReadTheSameRowsInEverySection() throws Exception {
    BenchConfig config = new BenchConfig(2_000, 4, Arrays.asList(0, 5), 0, 1, true, true);
    ByteArrayOutputStream log = new ByteArrayOutputStream();

    SqlResultBenchmark.Report report =
        SqlResultBenchmark.run(config, new PrintStream(log, true, StandardCharsets.UTF_8));

    List<SqlResultBenchmark.Section> sections = report.sections;
    assertEquals(3, sections.size(), "EXTERNAL_LINKS at 0 and 5 ms, then INLINE");
    long expected = BenchTable.expectedChecksum(2_000);
    for (SqlResultBenchmark.Section s : sections) {
      for (SqlResultBenchmark.Result r : Arrays.asList(s.kiln, s.other)) {
        assertEquals(1, r.runs.size(), s.label() + " " + r.name);
        assertEquals(2_000, r.rows(), s.label() + " " + r.name);
        assertEquals(expected, r.checksum(), s.label() + " " + r.name);
        assertTrue(r.liveHeapBytes >= 0, "the heap probe ran for " + r.name);
      }
    }
    ByteArrayOutputStream table = new ByteArrayOutputStream();
    report.print(new PrintStream(table, true, StandardCharsets.UTF_8));
    assertTrue(table.toString(StandardCharsets.UTF_8).contains("ratio Kiln/official"), table.toString());
  }
}
