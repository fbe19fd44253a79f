package dev.kiln.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The call-overhead harness on a few calls: every variant answers, both modes report. Nothing about time. */
class CallOverheadBenchmarkSmokeTest {
  @Test
  @Timeout(60)
  void everyVariantRunsInBothModesAndTheTableHasTheRatios() throws Exception {
    CallOverheadBenchmark.Config config = new CallOverheadBenchmark.Config(40, Arrays.asList(1, 2), 0, 1, 2);
    ByteArrayOutputStream log = new ByteArrayOutputStream();

    CallOverheadBenchmark.Report report =
        CallOverheadBenchmark.run(config, new PrintStream(log, true, StandardCharsets.UTF_8));

    assertEquals(2, report.modes.size());
    for (CallOverheadBenchmark.Mode mode : report.modes) {
      assertEquals(4, mode.variants.size(), "raw, Kiln blocking, Kiln async, official");
      for (CallOverheadBenchmark.Variant v : mode.variants) {
        assertEquals(1, v.rounds.size(), v.name);
        assertEquals(40, v.allLatencies().length, v.name);
      }
    }
    ByteArrayOutputStream table = new ByteArrayOutputStream();
    report.print(new PrintStream(table, true, StandardCharsets.UTF_8));
    String text = table.toString(StandardCharsets.UTF_8);
    assertTrue(text.contains("ratio Kiln blocking/raw") && text.contains("ratio Kiln blocking/official"), text);
  }
}
