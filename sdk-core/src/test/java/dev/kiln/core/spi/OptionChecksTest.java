package dev.kiln.core.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class OptionChecksTest {
  @Test
  void eachFailureNamesTheKnobItsRangeAndTheValue() {
    assertEquals("pollInitialDelay must be 500 ms to 10 s, was PT0.1S", assertThrows(IllegalArgumentException.class,
        () -> OptionChecks.between(Duration.ofMillis(100), "pollInitialDelay", Duration.ofMillis(500), Duration.ofSeconds(10)))
        .getMessage());
    assertEquals("deploymentTimeout must be at least 1 ms, was PT0S", assertThrows(IllegalArgumentException.class,
        () -> OptionChecks.atLeast(Duration.ZERO, "deploymentTimeout", Duration.ofMillis(1))).getMessage());
    assertEquals("messageTimeout must not be null", assertThrows(IllegalArgumentException.class,
        () -> OptionChecks.atLeast(null, "messageTimeout", Duration.ZERO)).getMessage());
    assertEquals("pollMultiplier must be 1.0 to 4.0, was NaN", assertThrows(IllegalArgumentException.class,
        () -> OptionChecks.between(Double.NaN, "pollMultiplier", 1.0, 4.0)).getMessage());
    assertEquals("attempts must be 1 to 10, was 11", assertThrows(IllegalArgumentException.class,
        () -> OptionChecks.between(11, "attempts", 1, 10)).getMessage());
    assertEquals("initial PT2S exceeds max PT1S", assertThrows(IllegalArgumentException.class,
        () -> OptionChecks.ordered(Duration.ofSeconds(2), "initial", Duration.ofSeconds(1), "max")).getMessage());
    assertEquals("t must be at least 2 min, was PT1S", assertThrows(IllegalArgumentException.class,
        () -> OptionChecks.atLeast(Duration.ofSeconds(1), "t", Duration.ofMinutes(2))).getMessage());
  }

  @Test
  void valuesInRangeComeBackUnchanged() {
    Duration d = Duration.ofMillis(500);
    assertSame(d, OptionChecks.between(d, "x", d, d));
    assertEquals(1.0, OptionChecks.between(1.0, "x", 1.0, 4.0));
    assertEquals(10, OptionChecks.between(10, "x", 1, 10));
    OptionChecks.ordered(d, "a", d, "b");
  }
}
