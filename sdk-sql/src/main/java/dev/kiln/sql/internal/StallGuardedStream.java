package dev.kiln.sql.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A download body that closes itself when no byte arrives for {@code idleTimeout}: the JDK client
 * has no read timeout once headers are in, so a stalled storage connection would otherwise block
 * the parse forever. The reader then sees an {@link IOException} and the chunk is fetched again.
 */
final class StallGuardedStream extends FilterInputStream {
  private final long idleNanos;
  private final ScheduledFuture<?> check;
  private volatile long lastProgress = System.nanoTime();
  private volatile boolean stalled;

  StallGuardedStream(InputStream in, Duration idleTimeout, ScheduledExecutorService scheduler) {
    super(in);
    this.idleNanos = idleTimeout.toNanos();
    long period = Math.max(1, idleTimeout.toMillis() / 4);
    this.check = scheduler.scheduleWithFixedDelay(this::closeIfStalled, period, period, TimeUnit.MILLISECONDS);
  }

  @Override
  public int read() throws IOException {
    int b;
    try {
      b = super.read();
    } catch (IOException e) {
      throw stalled ? stallError(e) : e;
    }
    if (b >= 0) {
      lastProgress = System.nanoTime();
    } else if (stalled) {
      throw stallError(null); // some streams read as ended once closed: not a real end
    }
    return b;
  }

  @Override
  public int read(byte[] buf, int off, int len) throws IOException {
    int n;
    try {
      n = super.read(buf, off, len);
    } catch (IOException e) {
      throw stalled ? stallError(e) : e;
    }
    if (n > 0) {
      lastProgress = System.nanoTime();
    } else if (n < 0 && stalled) {
      throw stallError(null);
    }
    return n;
  }

  @Override
  public void close() throws IOException {
    check.cancel(false);
    super.close();
  }

  private IOException stallError(IOException cause) {
    return new IOException("no data arrived for " + Duration.ofNanos(idleNanos).toMillis() + " ms", cause);
  }

  private void closeIfStalled() {
    if (System.nanoTime() - lastProgress > idleNanos) {
      stalled = true;
      try {
        close(); // unblocks a read waiting for data
      } catch (IOException ignored) {
        // the read that fails next reports the stall
      }
    }
  }
}
