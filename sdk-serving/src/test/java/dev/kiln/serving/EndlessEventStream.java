package dev.kiln.serving;

import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import okio.BufferedSink;

/** A chat stream that never ends; records when the client drops the connection. */
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
        Thread.sleep(5);
      }
    } catch (IOException e) {
      disconnected.countDown();
      throw e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
