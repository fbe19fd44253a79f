package dev.kiln.serving;

import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import okio.BufferedSink;

/**
 * A chat stream that sends its headers and {@code prefix}, then goes silent with the connection
 * open until {@link #release()} (or 30 s). The server thread waits on a latch, not a sleep.
 */
final class StalledEventStream implements MockResponseBody {
  private final String prefix;
  private final CountDownLatch released = new CountDownLatch(1);

  StalledEventStream(String prefix) {
    this.prefix = prefix;
  }

  MockResponse response() {
    return new MockResponse.Builder().code(200).addHeader("Content-Type", "text/event-stream")
        .body(this).removeHeader("Content-Length")
        .build();
  }

  /** Ends the silence: the body ends (without [DONE]) and the server thread is free again. */
  void release() {
    released.countDown();
  }

  @Override
  public long getContentLength() {
    return -1;
  }

  @Override
  public void writeTo(BufferedSink sink) throws IOException {
    sink.writeUtf8(prefix);
    sink.flush();
    try {
      released.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
