package dev.kiln.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The concurrent-waits harness on 20 short statements: all succeed after polling and the thread figures print. */
class ConcurrentWaitsBenchmarkSmokeTest {
  @Test
  @Timeout(60)
  void everyStatementSucceedsAndTheReportPrints() throws Exception {
    ConcurrentWaitsBenchmark.Config config = new ConcurrentWaitsBenchmark.Config(20, 200, 2);
    ByteArrayOutputStream log = new ByteArrayOutputStream();

    ConcurrentWaitsBenchmark.Report report =
        ConcurrentWaitsBenchmark.run(config, new PrintStream(log, true, StandardCharsets.UTF_8));

    assertEquals(20, report.succeeded);
    assertTrue(report.polls >= 20, "each statement was submitted PENDING, so each was polled: " + report.polls);
    assertTrue(report.peak >= report.baseline, report.peak + " vs " + report.baseline);
    ByteArrayOutputStream table = new ByteArrayOutputStream();
    report.print(new PrintStream(table, true, StandardCharsets.UTF_8));
    assertTrue(table.toString(StandardCharsets.UTF_8).contains("peak threads added"), table.toString());
  }
}
