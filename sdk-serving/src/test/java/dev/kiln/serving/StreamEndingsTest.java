package dev.kiln.serving;

import static dev.kiln.core.testing.Wire.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.core.DatabricksClient;
import dev.kiln.core.error.ClientClosedException;
import dev.kiln.core.error.DatabricksClientException;
import dev.kiln.core.error.OperationInterruptedException;
import dev.kiln.core.error.OperationTimeoutException;
import dev.kiln.core.testing.FakeSleeper;
import dev.kiln.core.testing.TestClients;
import dev.kiln.serving.model.ChatCompletionChunk;
import dev.kiln.serving.model.ChatMessage;
import dev.kiln.serving.model.ChatRequest;
import java.io.InterruptedIOException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * How a chat stream ends when it does not end well: cut before its end marker, silent after the
 * headers, or the client closed under it. Each must end with a typed exception, never a success
 * and never a hang.
 */
class StreamEndingsTest extends ServingTestBase {
  static final String LLAMA = "databricks-llama";
  static final ChatRequest REQUEST = ChatRequest.builder().addMessages(ChatMessage.user("Hello")).build();
  static final Duration NO_HANG = Duration.ofSeconds(10);

  private final List<StalledEventStream> stalled = new ArrayList<>();
  private final ExecutorService reader = Executors.newSingleThreadExecutor();

  @AfterEach
  void releaseServerThreads() {
    stalled.forEach(StalledEventStream::release);
    reader.shutdownNow();
  }

  private StalledEventStream stalled(String prefix) {
    StalledEventStream s = new StalledEventStream(prefix);
    stalled.add(s);
    return s;
  }

  private static String delta(String text) {
    return "data: " + json("{'choices': [{'index': 0, 'delta': {'content': '" + text + "'}}]}") + "\n\n";
  }

  private static MockResponse sse(String body) {
    return new MockResponse.Builder().code(200).addHeader("Content-Type", "text/event-stream").body(body).build();
  }

  // ---- cut before [DONE] and before any finish_reason ------------------------------------

  @Test
  void blockingStreamCutBeforeTheEndIsIncomplete() {
    server.enqueue(sse(delta("The answer ") + delta("is")));
    List<String> seen = new ArrayList<>();

    IncompleteStreamException e;
    try (Stream<ChatCompletionChunk> s = serving.chatStream(LLAMA, REQUEST)) {
      e = assertThrows(IncompleteStreamException.class, () -> s.forEach(c -> seen.add(c.content())));
    }

    assertEquals(List.of("The answer ", "is"), seen, "what came is delivered before the failure");
    assertEquals(2, e.chunksReceived());
    assertTrue(e.getMessage().contains("incomplete"), e.getMessage());
  }

  @Test
  void blockingStreamCutInsideAnEventIsIncomplete() {
    server.enqueue(sse(delta("a") + "data: {\"choices\": [{\"delta\": {\"content\": \"b\"}, \"finish_re"));

    try (Stream<ChatCompletionChunk> s = serving.chatStream(LLAMA, REQUEST)) {
      Iterator<ChatCompletionChunk> it = s.iterator();
      assertEquals("a", it.next().content());
      assertThrows(IncompleteStreamException.class, it::hasNext);
    }
  }

  @Test
  void asyncStreamCutBeforeTheEndIsIncomplete() {
    server.enqueue(sse(delta("The answer ") + delta("is")));
    List<String> seen = Collections.synchronizedList(new ArrayList<>());

    CompletableFuture<Void> done = serving.chatStreamAsync(LLAMA, REQUEST, c -> seen.add(c.content()));

    ExecutionException e = assertThrows(ExecutionException.class, () -> done.get(10, TimeUnit.SECONDS));
    assertTrue(e.getCause() instanceof IncompleteStreamException, String.valueOf(e.getCause()));
    assertEquals(List.of("The answer ", "is"), seen);
  }

  @Test
  void aFinishReasonOrDoneMakesAStreamComplete() throws Exception {
    server.enqueue(sse(delta("a") + "data: [DONE]\n\n"));
    server.enqueue(sse(delta("b") + "data: " + json("{'choices': [{'delta': {}, 'finish_reason': 'length'}]}") + "\n\n"));

    try (Stream<ChatCompletionChunk> s = serving.chatStream(LLAMA, REQUEST)) {
      assertEquals(1, s.count());
    }
    serving.chatStreamAsync(LLAMA, REQUEST, c -> {}).get(10, TimeUnit.SECONDS);
  }

  /** The server closes the socket halfway through the body: right after the second of four events. */
  private static MockResponse droppedAfterTwoOfFour() {
    return new MockResponse.Builder(sse(delta("a") + delta("b") + delta("c") + delta("d")))
        .onResponseBody(new SocketEffect.CloseSocket())
        .build();
  }

  @Test
  void connectionDroppedBetweenEventsIsAFailureNotAnAnswer() {
    server.enqueue(droppedAfterTwoOfFour());
    server.enqueue(droppedAfterTwoOfFour());
    List<String> seen = new ArrayList<>();

    assertTimeoutPreemptively(NO_HANG, () -> {
      try (Stream<ChatCompletionChunk> s = serving.chatStream(LLAMA, REQUEST)) {
        assertThrows(DatabricksClientException.class, () -> s.forEach(c -> seen.add(c.content())));
      }
    });
    CompletableFuture<Void> done = serving.chatStreamAsync(LLAMA, REQUEST, c -> {});
    ExecutionException e = assertThrows(ExecutionException.class, () -> done.get(10, TimeUnit.SECONDS));

    assertEquals(List.of("a", "b"), seen);
    assertTrue(e.getCause() instanceof DatabricksClientException, String.valueOf(e.getCause()));
  }

  // ---- silence after the headers ----------------------------------------------------------

  /** A client whose read timeout (the longest silence allowed) is short. */
  private ServingClient impatient() {
    DatabricksClient client = TestClients.builder(server.url("/").toString(), new FakeSleeper())
        .readTimeout(Duration.ofMillis(300))
        .build();
    db.close(); // the base class's client is not used here
    db = client; // closed after the test
    return ServingClient.create(client, ServingOptions.builder().dataPlaneRouting(false).build());
  }

  @Test
  void blockingStreamSilentAfterOneEventEndsWithATimeout() {
    ServingClient serving = impatient();
    server.enqueue(stalled(delta("a")).response());

    DatabricksClientException e = assertTimeoutPreemptively(NO_HANG, () -> {
      try (Stream<ChatCompletionChunk> s = serving.chatStream(LLAMA, REQUEST)) {
        Iterator<ChatCompletionChunk> it = s.iterator();
        assertEquals("a", it.next().content());
        return assertThrows(DatabricksClientException.class, it::hasNext);
      }
    });

    assertTrue(isTimeout(e), "a typed timeout: " + e);
    assertEquals(1, server.getRequestCount(), "the POST is not sent again");
  }

  @Test
  void asyncStreamSilentAfterOneEventEndsWithATimeout() {
    ServingClient serving = impatient();
    server.enqueue(stalled(delta("a")).response());
    List<String> seen = Collections.synchronizedList(new ArrayList<>());

    CompletableFuture<Void> done = serving.chatStreamAsync(LLAMA, REQUEST, c -> seen.add(c.content()));

    ExecutionException e = assertThrows(ExecutionException.class, () -> done.get(10, TimeUnit.SECONDS));
    assertTrue(isTimeout(e.getCause()), "a typed timeout: " + e.getCause());
    assertEquals(List.of("a"), seen);
    assertEquals(1, server.getRequestCount(), "the POST is not sent again");
  }

  private static boolean isTimeout(Throwable e) {
    if (!(e instanceof DatabricksClientException) || e instanceof IncompleteStreamException) {
      return false;
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof OperationTimeoutException || t instanceof HttpTimeoutException
          || t instanceof InterruptedIOException || t.getClass().getSimpleName().contains("Timeout")) {
        return true;
      }
    }
    return false;
  }

  // ---- the client closes under a stream ---------------------------------------------------

  @Test
  void closingTheClientEndsABlockingStreamWaitingForData() throws Exception {
    server.enqueue(stalled(delta("a")).response());
    CountDownLatch firstChunk = new CountDownLatch(1);

    Stream<ChatCompletionChunk> s = serving.chatStream(LLAMA, REQUEST);
    CompletableFuture<Long> reading = CompletableFuture.supplyAsync(() -> {
      try (s) {
        return s.peek(c -> firstChunk.countDown()).count(); // blocks in the silence after "a"
      }
    }, reader);
    assertTrue(firstChunk.await(10, TimeUnit.SECONDS));
    assertTimeoutPreemptively(NO_HANG, db::close);

    ExecutionException e = assertThrows(ExecutionException.class, () -> reading.get(10, TimeUnit.SECONDS));
    assertTrue(e.getCause() instanceof ClientClosedException, String.valueOf(e.getCause()));
  }

  @Test
  void closingTheClientEndsAnAsyncStreamWaitingForData() throws Exception {
    server.enqueue(stalled(delta("a")).response());
    CountDownLatch firstChunk = new CountDownLatch(1);

    CompletableFuture<Void> done = serving.chatStreamAsync(LLAMA, REQUEST, c -> firstChunk.countDown());
    assertTrue(firstChunk.await(10, TimeUnit.SECONDS));
    assertTimeoutPreemptively(NO_HANG, db::close);

    ExecutionException e = assertThrows(ExecutionException.class, () -> done.get(10, TimeUnit.SECONDS));
    assertTrue(e.getCause() instanceof ClientClosedException, String.valueOf(e.getCause()));
  }

  @Test
  void closingTheClientEndsAnAsyncStreamWaitingForItsHeaders() throws Exception {
    server.enqueue(new MockResponse.Builder(stalled(delta("a")).response()).headersDelay(30, TimeUnit.SECONDS).build());

    CompletableFuture<Void> done = serving.chatStreamAsync(LLAMA, REQUEST, c -> {});
    server.takeRequest(10, TimeUnit.SECONDS); // the request is out; its answer is not
    assertFalse(done.isDone());
    assertTimeoutPreemptively(NO_HANG, db::close);

    ExecutionException e = assertThrows(ExecutionException.class, () -> done.get(10, TimeUnit.SECONDS));
    assertTrue(e.getCause() instanceof ClientClosedException, String.valueOf(e.getCause()));
  }

  @Test
  void closingTheClientEndsABlockingStreamWaitingForItsHeaders() throws Exception {
    server.enqueue(new MockResponse.Builder(stalled(delta("a")).response()).headersDelay(30, TimeUnit.SECONDS).build());

    CompletableFuture<Stream<ChatCompletionChunk>> opening = CompletableFuture.supplyAsync(
        () -> serving.chatStream(LLAMA, REQUEST), reader);
    server.takeRequest(10, TimeUnit.SECONDS); // the request is out; its answer is not
    assertTimeoutPreemptively(NO_HANG, db::close);

    ExecutionException e = assertThrows(ExecutionException.class, () -> opening.get(10, TimeUnit.SECONDS));
    assertTrue(e.getCause() instanceof ClientClosedException, String.valueOf(e.getCause()));
  }

  @Test
  void interruptingABlockingStreamWaitingForItsHeadersEndsIt() throws Exception {
    server.enqueue(new MockResponse.Builder(stalled(delta("a")).response()).headersDelay(30, TimeUnit.SECONDS).build());
    CompletableFuture<Throwable> outcome = new CompletableFuture<>();

    Thread caller = new Thread(() -> {
      try {
        serving.chatStream(LLAMA, REQUEST).close();
        outcome.complete(null);
      } catch (RuntimeException e) {
        outcome.complete(e);
      }
    });
    caller.start();
    server.takeRequest(10, TimeUnit.SECONDS);
    caller.interrupt();

    Throwable e = outcome.get(10, TimeUnit.SECONDS);
    assertTrue(e instanceof OperationInterruptedException, String.valueOf(e));
  }

  @Test
  void aStreamOnAClosedClientFailsAtOnce() {
    db.close();

    assertThrows(ClientClosedException.class, () -> serving.chatStream(LLAMA, REQUEST));
    CompletableFuture<Void> done = serving.chatStreamAsync(LLAMA, REQUEST, c -> {});
    ExecutionException e = assertThrows(ExecutionException.class, () -> done.get(10, TimeUnit.SECONDS));
    assertTrue(e.getCause() instanceof ClientClosedException, String.valueOf(e.getCause()));
    assertEquals(0, server.getRequestCount());
  }
}
