package dev.kiln.serving;

import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import okio.BufferedSink;

/**
 * A chat stream that never ends; records when the client drops the connection. It writes as fast
 * as the client reads: once the socket buffers are full each write waits for the client, so no
 * pause (and no real sleep) is needed to pace it.
 */
final class EndlessEventStream implements MockResponseBody {
  final CountDownLatch disconnected = new CountDownLatch(1);

  MockResponse response() {
    return new MockResponse.Builder().code(200).addHeader("Content-Type", "text/event-stream")
        .body(this).removeHeader("Content-Length") // no length: the body runs until the connection closes
        .build();
  }

  @Override
  public long getContentLength() {
    return -1;
  }

  @Override
  public void writeTo(BufferedSink sink) throws IOException {
    try {
      for (int i = 0; ; i++) {
        sink.writeUtf8("data: {\"choices\": [{\"delta\": {\"content\": \"t" + i + " \"}}]}\n\n");
        sink.flush();
      }
    } catch (IOException e) {
      disconnected.countDown();
      throw e;
    }
  }
}
