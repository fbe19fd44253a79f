package dev.kiln.files.internal;

import java.io.IOException;
import java.io.InputStream;

/** An InputStream whose single-byte read goes through its array read (where the work is). */
abstract class BulkInputStream extends InputStream {
  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public abstract int read(byte[] b, int off, int len) throws IOException;
}
