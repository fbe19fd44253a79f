package dev.kiln.serving.internal;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;

/** Pulls events from a blocking stream: reads only as much as it needs to return the next event. */
public final class SseEventReader implements Closeable {
  private final InputStream in;
  private final ArrayDeque<SseEvent> ready = new ArrayDeque<>();
  private final SseParser parser = new SseParser(ready::add);
  private final byte[] buffer = new byte[8192];
  private boolean endOfStream;

  public SseEventReader(InputStream in) {
    this.in = in;
  }

  /** The next event, or null at end of stream. Blocks until one is complete. */
  public SseEvent next() throws IOException {
    while (ready.isEmpty()) {
      if (endOfStream) {
        return null;
      }
      int n = in.read(buffer); // returns what has arrived, so events are not held back
      if (n < 0) {
        endOfStream = true;
        parser.finish();
      } else {
        parser.feed(buffer, 0, n);
      }
    }
    return ready.poll();
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
