package dev.kiln.files.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.function.LongFunction;

/**
 * A file read block by block as the stream is consumed (DBFS {@code read} calls): at most one block
 * is held at a time. The fetch function gets the offset and returns the block there, empty at the
 * end of the file; its typed exceptions reach the reader unchanged.
 */
public final class BlockReadStream extends BulkInputStream {
  private final LongFunction<byte[]> fetch;
  private final Progress progress;
  private byte[] block = new byte[0];
  private int position;
  private long offset;
  private boolean eof;
  private boolean closed;

  public BlockReadStream(LongFunction<byte[]> fetch, Progress progress) {
    this.fetch = fetch;
    this.progress = progress;
  }

  @Override
  public synchronized int read(byte[] b, int off, int len) throws IOException {
    if (closed) {
      throw new IOException("the stream is closed");
    }
    if (len == 0) {
      return 0;
    }
    if (position == block.length && !fill()) {
      return -1;
    }
    int n = Math.min(len, block.length - position);
    System.arraycopy(block, position, b, off, n);
    position += n;
    return n;
  }

  @Override
  public synchronized int available() {
    return block.length - position;
  }

  private boolean fill() {
    if (eof) {
      return false;
    }
    byte[] next = fetch.apply(offset);
    if (next.length == 0) {
      eof = true;
      block = next;
      position = 0;
      return false;
    }
    block = next;
    position = 0;
    offset += next.length;
    progress.add(next.length);
    return true;
  }

  @Override
  public synchronized void close() {
    closed = true;
    block = new byte[0];
  }
}
