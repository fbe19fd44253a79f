package dev.kiln.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class JobsOptionsTest {
  @Test
  void defaultsAndCopies() {
    JobsOptions d = JobsOptions.defaults();
    assertEquals(Duration.ofSeconds(1), d.pollInitialDelay());
    assertEquals(Duration.ofSeconds(30), d.pollMaxDelay());
    assertEquals(1.5, d.pollMultiplier());
    assertEquals(Duration.ofHours(12), d.runTimeout());
    assertEquals(100, d.jobsPageSize());
    assertEquals(25, d.runsPageSize());
    JobsOptions changed = d.toBuilder().runTimeout(Duration.ofMinutes(5)).runsPageSize(5).build();
    assertEquals(Duration.ofMinutes(5), changed.runTimeout());
    assertEquals(5, changed.runsPageSize());
    assertEquals(d.pollMaxDelay(), changed.pollMaxDelay());
    assertTrue(changed.toString().contains("runTimeout=PT5M"));
  }

  @Test
  void badKnobsNameThemselves() {
    assertMessage(() -> JobsOptions.builder().pollInitialDelay(Duration.ofMillis(10)), "pollInitialDelay");
    assertMessage(() -> JobsOptions.builder().pollMultiplier(0.5), "pollMultiplier");
    assertMessage(() -> JobsOptions.builder().runsPageSize(26), "runsPageSize");
    assertMessage(() -> JobsOptions.builder().jobsPageSize(0), "jobsPageSize");
    assertMessage(() -> JobsOptions.builder().runTimeout(Duration.ZERO), "runTimeout");
    assertMessage(() -> JobsOptions.builder().pollInitialDelay(Duration.ofMinutes(5)).build(), "exceeds pollMaxDelay");
  }

  private static void assertMessage(Runnable r, String text) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, r::run);
    assertTrue(e.getMessage().contains(text), e.getMessage());
  }
}
