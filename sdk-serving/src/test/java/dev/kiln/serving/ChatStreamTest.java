package dev.kiln.serving;

import static dev.kiln.core.testing.Wire.error;
import static dev.kiln.core.testing.Wire.expect;
import static dev.kiln.core.testing.Wire.json;
import static dev.kiln.core.testing.Wire.tree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.core.testing.Wire;
import dev.kiln.core.DatabricksClient;
import dev.kiln.core.error.ClientClosedException;
import dev.kiln.core.error.DatabricksClientException;
import dev.kiln.core.error.DatabricksServiceException;
import dev.kiln.core.error.InvalidRequestException;
import dev.kiln.core.error.PermissionDeniedException;
import dev.kiln.core.error.RequestLimitExceededException;
import dev.kiln.core.error.ResourceExhaustedException;
import dev.kiln.serving.model.ChatCompletionChunk;
import dev.kiln.serving.model.ChatMessage;
import dev.kiln.serving.model.ChatRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

class ChatStreamTest extends ServingTestBase {
  static final String LLAMA = "databricks-llama";
  static final ChatRequest REQUEST = ChatRequest.builder().addMessages(ChatMessage.user("Hello")).maxTokens(100).build();
  static final Duration NO_HANG = Duration.ofSeconds(10);

  private static String data(String singleQuotedJson) {
    return "data: " + json(singleQuotedJson) + "\n\n";
  }

  private static String delta(String text) {
    return data("{'object': 'chat.completion.chunk', 'model': 'llama', 'choices': [{'index': 0, 'delta': {'content': '" + text + "'}}]}");
  }

  /** Role chunk, text chunks (one with array content, one split over two data lines), keep-alives, mixed line ends. */
  private static final String CONVERSATION = ": keep-alive\n\n"
      + "data: " + json("{'id': 'c1', 'object': 'chat.completion.chunk', 'created': 1767225600,"
      + " 'choices': [{'index': 0, 'delta': {'role': 'assistant', 'content': ''}}]}") + "\r\n\r\n"
      + delta("Hel")
      + ": ping\n"
      + data("{'choices': [{'delta': {'content': [{'type': 'text', 'text': 'lo'}]}}]}")
      + "data: {\"choices\": [{\"delta\":\ndata: {\"content\": \", world\"}}]}\r\r"
      + "event: message\nid: 5\n" + data("{'choices': [{'delta': {}, 'finish_reason': 'stop'}],"
      + " 'usage': {'prompt_tokens': 5, 'completion_tokens': 4, 'total_tokens': 9}}");

  private static MockResponse sse(String body) {
    return new MockResponse.Builder().code(200).addHeader("Content-Type", "text/event-stream; charset=utf-8").body(body).build();
  }

  private static String text(List<ChatCompletionChunk> chunks) {
    return chunks.stream().map(ChatCompletionChunk::content).collect(Collectors.joining());
  }

  private void assertStreamingRequest() {
    RecordedRequest r = expect(server, "POST", "/serving-endpoints/databricks-llama/invocations");
    assertEquals("text/event-stream", r.getHeaders().get("Accept"));
    assertEquals(tree("{'messages': [{'role': 'user', 'content': 'Hello'}], 'max_tokens': 100, 'stream': true}"),
        Wire.bodyTree(r));
  }

  private static void assertConversation(List<ChatCompletionChunk> chunks) {
    assertEquals(5, chunks.size());
    assertEquals("Hello, world", text(chunks));
    assertEquals(Optional.of("assistant"), chunks.get(0).choices().get(0).delta().role());
    assertEquals(Optional.of("c1"), chunks.get(0).id());
    assertEquals(Optional.of("stop"), chunks.get(4).choices().get(0).finishReason());
    assertEquals(9, chunks.get(4).usage().orElseThrow().totalTokens());
  }

  // ---- blocking Stream ---------------------------------------------------------------------

  @Test
  void framesSplitByteByByteWithKeepAlivesAndDone() {
    server.enqueue(new MockResponse.Builder(sse(CONVERSATION + "data: [DONE]\n\n" + delta("after done is ignored")))
        .throttleBody(1, 1, TimeUnit.MILLISECONDS).build());

    List<ChatCompletionChunk> chunks = assertTimeoutPreemptively(NO_HANG, () -> {
      try (Stream<ChatCompletionChunk> s = serving.chatStream(LLAMA, REQUEST)) {
        return s.collect(Collectors.toList());
      }
    });

    assertStreamingRequest();
    assertConversation(chunks);
  }

  @Test
  void endOfStreamWithoutDoneEndsTheStream() {
    server.enqueue(new MockResponse.Builder(sse(CONVERSATION)).chunkedBody(CONVERSATION, 3).build());

    try (Stream<ChatCompletionChunk> s = serving.chatStream(LLAMA, REQUEST)) {
      assertConversation(s.collect(Collectors.toList()));
    }
  }

  @Test
  void closingEarlyClosesTheConnection() throws Exception {
    EndlessEventStream endless = new EndlessEventStream();
    server.enqueue(endless.response());

    assertTimeoutPreemptively(NO_HANG, () -> {
      try (Stream<ChatCompletionChunk> s = serving.chatStream(LLAMA, REQUEST)) {
        Iterator<ChatCompletionChunk> it = s.iterator();
        assertEquals("t0 ", it.next().content());
        assertEquals("t1 ", it.next().content());
      }
    });

    assertTrue(endless.disconnected.await(10, TimeUnit.SECONDS), "the server saw the connection close");
  }

  @Test
  void errorEventAfterSomeChunksRaisesTheTypedError() {
    server.enqueue(new MockResponse.Builder(sse(delta("a") + delta("b")
        + "event: error\ndata: " + json("{'error_code': 'RESOURCE_EXHAUSTED', 'message': 'daily quota used up'}") + "\n\n"
        + delta("never")))
        .addHeader("x-request-id", "req-9").build());

    List<String> seen = new ArrayList<>();
    ResourceExhaustedException e;
    try (Stream<ChatCompletionChunk> s = serving.chatStream(LLAMA, REQUEST)) {
      e = assertThrows(ResourceExhaustedException.class, () -> s.forEach(c -> seen.add(c.content())));
    }

    assertEquals(List.of("a", "b"), seen);
    assertEquals("daily quota used up", e.serverMessage());
    assertEquals(Optional.of("req-9"), e.requestId());
  }

  @Test
  void asyncErrorEventCarriesTheRequestIdOfTheReply() {
    server.enqueue(new MockResponse.Builder(sse(delta("a")
        + "event: error\ndata: " + json("{'error_code': 'RESOURCE_EXHAUSTED', 'message': 'daily quota used up'}") + "\n\n"))
        .addHeader("x-databricks-request-id", "req-10").build());

    CompletableFuture<Void> done = serving.chatStreamAsync(LLAMA, REQUEST, c -> {});

    ExecutionException e = assertThrows(ExecutionException.class, () -> done.get(10, TimeUnit.SECONDS));
    assertTrue(e.getCause() instanceof ResourceExhaustedException, String.valueOf(e.getCause()));
    assertEquals(Optional.of("req-10"), ((ResourceExhaustedException) e.getCause()).requestId());
  }

  @Test
  void errorPayloadInDataRaisesTheTypedError() {
    server.enqueue(sse(delta("a") + data("{'error': {'message': 'Rate limit reached', 'type': 'REQUEST_LIMIT_EXCEEDED', 'code': 429}}")));

    try (Stream<ChatCompletionChunk> s = serving.chatStream(LLAMA, REQUEST)) {
      Iterator<ChatCompletionChunk> it = s.iterator();
      assertEquals("a", it.next().content());
      RequestLimitExceededException e = assertThrows(RequestLimitExceededException.class, it::next);
      assertEquals(429, e.statusCode());
      assertEquals("Rate limit reached", e.serverMessage());
    }
  }

  @Test
  void plainTextErrorEventStillRaisesAServiceError() {
    server.enqueue(sse(delta("a") + "event: error\ndata: upstream model crashed\n\n"));

    try (Stream<ChatCompletionChunk> s = serving.chatStream(LLAMA, REQUEST)) {
      DatabricksServiceException e = assertThrows(DatabricksServiceException.class, () -> s.collect(Collectors.toList()));
      assertEquals("upstream model crashed", e.serverMessage());
    }
  }

  @Test
  void nonOkReplyIsMappedBeforeAnyChunk() {
    server.enqueue(error(403, "{'error_code': 'PERMISSION_DENIED', 'message': 'no CAN_QUERY on databricks-llama'}"));

    PermissionDeniedException e = assertThrows(PermissionDeniedException.class, () -> serving.chatStream(LLAMA, REQUEST));

    assertEquals("no CAN_QUERY on databricks-llama", e.serverMessage());
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void aJsonReplyInsteadOfAStreamIsExplained() {
    server.enqueue(Wire.ok("{'choices': [{'message': {'role': 'assistant', 'content': 'not streamed'}}]}"));
    server.enqueue(Wire.ok("{'error_code': 'BAD_REQUEST', 'message': 'stream not supported'}"));

    DatabricksClientException e = assertThrows(DatabricksClientException.class, () -> serving.chatStream(LLAMA, REQUEST));
    assertTrue(e.getMessage().contains("expected a text/event-stream reply but got application/json"), e.getMessage());
    DatabricksServiceException reported = assertThrows(DatabricksServiceException.class, () -> serving.chatStream(LLAMA, REQUEST));
    assertEquals("stream not supported", reported.serverMessage());
  }

  @Test
  void closingTheClientClosesAnOpenStream() throws Exception {
    EndlessEventStream endless = new EndlessEventStream();
    server.enqueue(endless.response());

    try (Stream<ChatCompletionChunk> s = serving.chatStream(LLAMA, REQUEST)) {
      Iterator<ChatCompletionChunk> it = s.iterator();
      it.next();
      assertTimeoutPreemptively(NO_HANG, db::close);
      assertTrue(endless.disconnected.await(10, TimeUnit.SECONDS), "the server saw the connection close");
      ClientClosedException e = assertThrows(ClientClosedException.class, () -> {
        while (it.hasNext()) {
          it.next();
        }
      });
      assertTrue(e.getMessage().contains("DatabricksClient was closed"), e.getMessage());
    }
  }

  // ---- async --------------------------------------------------------------------------------

  @Test
  void asyncDeliversChunksInOrderOffTheHttpThreadsAndCompletesAtDone() throws Exception {
    server.enqueue(new MockResponse.Builder(sse(CONVERSATION + "data: [DONE]\n\n"))
        .throttleBody(1, 1, TimeUnit.MILLISECONDS).build());
    List<ChatCompletionChunk> chunks = Collections.synchronizedList(new ArrayList<>());
    List<String> threads = Collections.synchronizedList(new ArrayList<>());

    serving.chatStreamAsync(LLAMA, REQUEST, c -> {
      chunks.add(c);
      threads.add(Thread.currentThread().getName());
    }).get(10, TimeUnit.SECONDS);

    assertStreamingRequest();
    assertConversation(chunks);
    assertTrue(threads.stream().allMatch(t -> t.startsWith("kiln-worker")), threads.toString());
  }

  @Test
  void asyncCompletesAtEndOfStreamWithoutDone() throws Exception {
    server.enqueue(sse(CONVERSATION));
    List<ChatCompletionChunk> chunks = Collections.synchronizedList(new ArrayList<>());

    serving.chatStreamAsync(LLAMA, REQUEST, chunks::add).get(10, TimeUnit.SECONDS);

    assertConversation(chunks);
  }

  @Test
  void asyncErrorAfterSomeChunksFailsTheFutureWithTheTypedError() throws Exception {
    server.enqueue(sse(delta("a") + delta("b")
        + "event: error\ndata: " + json("{'error_code': 'RESOURCE_EXHAUSTED', 'message': 'budget'}") + "\n\n"));
    List<String> seen = Collections.synchronizedList(new ArrayList<>());

    CompletableFuture<Void> done = serving.chatStreamAsync(LLAMA, REQUEST, c -> seen.add(c.content()));

    ExecutionException e = assertThrows(ExecutionException.class, () -> done.get(10, TimeUnit.SECONDS));
    assertTrue(e.getCause() instanceof ResourceExhaustedException, String.valueOf(e.getCause()));
    assertEquals(List.of("a", "b"), seen);
  }

  @Test
  void asyncNonOkReplyFailsTheFuture() {
    server.enqueue(error(403, "{'error_code': 'PERMISSION_DENIED', 'message': 'denied'}"));

    CompletableFuture<Void> done = serving.chatStreamAsync(LLAMA, REQUEST, c -> {});

    ExecutionException e = assertThrows(ExecutionException.class, () -> done.get(10, TimeUnit.SECONDS));
    assertTrue(e.getCause() instanceof PermissionDeniedException, String.valueOf(e.getCause()));
  }

  @Test
  void asyncJsonReplyInsteadOfAStreamIsExplained() {
    server.enqueue(Wire.ok("{'choices': []}"));

    CompletableFuture<Void> done = serving.chatStreamAsync(LLAMA, REQUEST, c -> {});

    ExecutionException e = assertThrows(ExecutionException.class, () -> done.get(10, TimeUnit.SECONDS));
    assertTrue(e.getCause() instanceof DatabricksClientException, String.valueOf(e.getCause()));
    assertTrue(e.getCause().getMessage().contains("expected a text/event-stream reply"), e.getCause().getMessage());
  }

  @Test
  void cancellingTheAsyncStreamClosesTheConnection() throws Exception {
    EndlessEventStream endless = new EndlessEventStream();
    server.enqueue(endless.response());
    CountDownLatch threeChunks = new CountDownLatch(3);

    CompletableFuture<Void> done = serving.chatStreamAsync(LLAMA, REQUEST, c -> threeChunks.countDown());
    assertTrue(threeChunks.await(10, TimeUnit.SECONDS));
    done.cancel(true);

    assertTrue(endless.disconnected.await(10, TimeUnit.SECONDS), "the server saw the connection close");
    assertThrows(CancellationException.class, done::join);
  }

  @Test
  void cancellingBeforeTheHeadersArriveDeliversNothing() throws Exception {
    EndlessEventStream endless = new EndlessEventStream();
    server.enqueue(new MockResponse.Builder(endless.response()).headersDelay(200, TimeUnit.MILLISECONDS).build());
    List<ChatCompletionChunk> seen = Collections.synchronizedList(new ArrayList<>());

    CompletableFuture<Void> done = serving.chatStreamAsync(LLAMA, REQUEST, seen::add);
    done.cancel(true);

    assertTrue(endless.disconnected.await(10, TimeUnit.SECONDS), "the server saw the connection close");
    assertEquals(List.of(), seen);
  }

  @Test
  void aThrowingConsumerStopsTheStreamAndFailsTheFuture() throws Exception {
    EndlessEventStream endless = new EndlessEventStream();
    server.enqueue(endless.response());
    List<String> seen = Collections.synchronizedList(new ArrayList<>());

    CompletableFuture<Void> done = serving.chatStreamAsync(LLAMA, REQUEST, c -> {
      seen.add(c.content());
      if (seen.size() == 2) {
        throw new IllegalStateException("consumer gave up");
      }
    });

    ExecutionException e = assertThrows(ExecutionException.class, () -> done.get(10, TimeUnit.SECONDS));
    assertEquals("consumer gave up", e.getCause().getMessage());
    assertTrue(endless.disconnected.await(10, TimeUnit.SECONDS), "the server saw the connection close");
    assertEquals(2, seen.size(), "no chunk after the failure");
  }

  @Test
  void closingTheClientFailsAnOpenAsyncStream() throws Exception {
    EndlessEventStream endless = new EndlessEventStream();
    server.enqueue(endless.response());
    CountDownLatch firstChunk = new CountDownLatch(1);

    CompletableFuture<Void> done = serving.chatStreamAsync(LLAMA, REQUEST, c -> firstChunk.countDown());
    assertTrue(firstChunk.await(10, TimeUnit.SECONDS));
    assertTimeoutPreemptively(NO_HANG, db::close);

    ExecutionException e = assertThrows(ExecutionException.class, () -> done.get(10, TimeUnit.SECONDS));
    assertTrue(e.getCause() instanceof ClientClosedException, String.valueOf(e.getCause()));
    assertTrue(endless.disconnected.await(10, TimeUnit.SECONDS), "the server saw the connection close");
  }

  @Test
  void validationFailsBeforeSending() {
    assertThrows(InvalidRequestException.class, () -> serving.chatStream("x".repeat(64), REQUEST));
    for (CompletableFuture<Void> bad : List.of(serving.chatStreamAsync("", REQUEST, c -> {}),
        serving.chatStreamAsync(LLAMA, null, c -> {}), serving.chatStreamAsync(LLAMA, REQUEST, null))) {
      ExecutionException e = assertThrows(ExecutionException.class, () -> bad.get(10, TimeUnit.SECONDS));
      assertTrue(e.getCause() instanceof InvalidRequestException, String.valueOf(e.getCause()));
    }
    assertEquals(0, server.getRequestCount());
  }
}
