package dev.kiln.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The poll-cadence harness on two short operations of each kind: statements, commands and Genie messages all
 * complete through Kiln's clients against the fake, each seen no earlier than it finished. Nothing about time.
 */
class PollCadenceBenchmarkSmokeTest {
  @Test
  @Timeout(90)
  void everyKindCompletesAndIsMatchedToTheFake() throws Exception {
    PollCadenceBenchmark.Config config = new PollCadenceBenchmark.Config(2, 100, 300, 12,
        Arrays.asList(FakeOperations.Kind.values()), 1);
    ByteArrayOutputStream log = new ByteArrayOutputStream();

    PollCadenceBenchmark.Report report =
        PollCadenceBenchmark.run(config, new PrintStream(log, true, StandardCharsets.UTF_8));

    assertEquals(3, report.sections.size());
    for (PollCadenceBenchmark.Section s : report.sections) {
      assertEquals(2, s.outcomes.size(), s.label());
      for (PollCadenceBenchmark.Outcome o : s.outcomes) {
        assertTrue(o.polls.size() >= 1, s.label() + " op-" + o.op.tag + " was never polled");
        // the fake answers the terminal status only from its finish time on, so nobody can see it earlier
        assertTrue(o.seenNanos >= o.op.finishNanos, s.label() + " op-" + o.op.tag + " seen before it finished");
      }
    }
    ByteArrayOutputStream table = new ByteArrayOutputStream();
    report.print(new PrintStream(table, true, StandardCharsets.UTF_8));
    assertTrue(table.toString(StandardCharsets.UTF_8).contains("Genie messages"), table.toString());
  }
}
