package dev.kiln.benchmarks;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The system UTC clock plus an offset that only grows. The benchmark gives it to the emulator and moves it
 * past the result retention between runs, so each finished run's result is dropped and results do not pile up
 * in the heap the benchmark shares with the emulator.
 */
final class ShiftableClock extends Clock {
  private volatile long offsetMillis;

  void advance(Duration by) {
    offsetMillis += by.toMillis(); // only the benchmark thread advances it
  }

  @Override
  public Instant instant() {
    return Instant.now().plusMillis(offsetMillis);
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("UTC only");
  }
}
