package dev.kiln.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class SqlOptionsTest {
  @Test
  void pollDefaultsFollowTheContract() {
    SqlOptions d = SqlOptions.defaults();
    assertEquals(Duration.ofMillis(500), d.pollInitialDelay(), "never more than 2 polls per second");
    assertEquals(1.15, d.pollMultiplier());
    assertTrue(d.pollMaxDelay().compareTo(Duration.ofSeconds(10)) <= 0, "capped at 10 s or less");
    assertEquals(Duration.ofSeconds(30), d.submitTimeoutMargin());
    assertEquals(Duration.ofSeconds(5), d.closeCancelTimeout());
  }

  @Test
  void resultsAreBoundedInBytesWith16DownloadsAtOnce() {
    SqlOptions d = SqlOptions.defaults();
    assertEquals(Math.min(64L * 1024 * 1024, Runtime.getRuntime().maxMemory() / 4), d.resultMemoryBudget(),
        "64 MiB, or a quarter of a smaller heap");
    assertEquals(16, d.downloadParallelism());
    @SuppressWarnings("deprecation")
    int cap = d.maxBufferedChunks();
    assertEquals(Integer.MAX_VALUE, cap, "no chunk-count cap by default: the budget bounds memory");
  }

  @Test
  @SuppressWarnings("deprecation")
  void toBuilderKeepsEveryKnob() {
    SqlOptions o = SqlOptions.builder().downloadParallelism(8).resultMemoryBudget(1 << 20).maxBufferedChunks(16).linkExpiryMargin(Duration.ofSeconds(5))
        .maxLinkRefreshes(1).downloadIdleTimeout(Duration.ofSeconds(7)).pollInitialDelay(Duration.ofSeconds(1))
        .pollMaxDelay(Duration.ofSeconds(8)).pollMultiplier(2.0).submitTimeoutMargin(Duration.ofSeconds(3))
        .closeCancelTimeout(Duration.ofSeconds(1)).build();
    assertEquals(o.toString(), o.toBuilder().build().toString());
  }

  @Test
  void invalidValuesNameTheKnob() {
    assertRejected("pollMultiplier", () -> SqlOptions.builder().pollMultiplier(0.5));
    assertRejected("resultMemoryBudget", () -> SqlOptions.builder().resultMemoryBudget(1000));
    assertRejected("submitTimeoutMargin", () -> SqlOptions.builder().submitTimeoutMargin(Duration.ofSeconds(-1)));
    assertRejected("closeCancelTimeout", () -> SqlOptions.builder().closeCancelTimeout(Duration.ofSeconds(-1)));
    assertRejected("pollInitialDelay", () -> SqlOptions.builder().pollInitialDelay(Duration.ZERO));
    assertRejected("pollMaxDelay", () -> SqlOptions.builder().pollMaxDelay(null));
    assertRejected("pollInitialDelay", () -> SqlOptions.builder().pollInitialDelay(Duration.ofSeconds(20)).build());
  }

  private static void assertRejected(String knob, Supplier<?> build) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, build::get);
    assertTrue(e.getMessage().contains(knob), e.getMessage());
  }
}
