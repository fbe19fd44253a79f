package dev.kiln.examples.jobs;

import dev.kiln.core.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One clock for the emulator and the client: each poll gap the client asks for moves it forward (so runs
 * move on the emulator by what the client waited), while the real wait is a few milliseconds, enough for a
 * notebook running in the emulator to get CPU time.
 */
final class StepClock extends Clock implements Sleeper {
  private Instant now = Instant.parse("2026-03-01T00:00:00Z");

  synchronized void advance(Duration d) {
    now = now.plus(d);
  }

  @Override
  public synchronized Instant instant() {
    return now;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException();
  }

  @Override
  public CompletableFuture<Void> sleep(Duration delay) {
    advance(delay);
    return CompletableFuture.runAsync(() -> { }, CompletableFuture.delayedExecutor(5, TimeUnit.MILLISECONDS));
  }
}
