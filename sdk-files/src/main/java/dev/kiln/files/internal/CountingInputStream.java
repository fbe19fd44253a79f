package dev.kiln.files.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Tells a {@link Progress} about every byte read through it. */
public final class CountingInputStream extends FilterInputStream {
  private final Progress progress;
  private final boolean ownsStream;

  /** {@code ownsStream} false: closing this leaves {@code in} open (a caller's stream, which the caller closes). */
  public CountingInputStream(InputStream in, Progress progress, boolean ownsStream) {
    super(in);
    this.progress = progress;
    this.ownsStream = ownsStream;
  }

  public Progress progress() {
    return progress;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      progress.add(1);
    }
    return b;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    int n = super.read(b, off, len);
    if (n > 0) {
      progress.add(n);
    }
    return n;
  }

  @Override
  public void close() throws IOException {
    if (ownsStream) {
      super.close();
    }
  }
}
