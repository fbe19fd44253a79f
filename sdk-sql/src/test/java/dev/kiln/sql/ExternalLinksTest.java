package dev.kiln.sql;

import static dev.kiln.core.testing.Wire.json;
import static dev.kiln.core.testing.Wire.ok;
import static dev.kiln.sql.SqlTestBase.apiError;
import static dev.kiln.sql.SqlTestBase.okText;
import static dev.kiln.sql.SqlTestBase.statement;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.core.DatabricksClient;
import dev.kiln.core.testing.Wire;
import dev.kiln.core.testing.CapturedLogs;
import dev.kiln.core.testing.FakeSleeper;
import dev.kiln.core.testing.TestClients;
import dev.kiln.sql.model.ExternalLink;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** EXTERNAL_LINKS results: {@code workspace} answers the API, {@code storage} serves the presigned links. */
class ExternalLinksTest {
  static final String CHUNKS = "/api/2.0/sql/statements/x1/result/chunks/";
  static final String SSE_HEADER = "x-amz-server-side-encryption-customer-key";
  static final String SSE_KEY = "k-secret-123";
  /** The FakeSleeper clock starts at 2026-01-01T00:00:00Z; links are valid for 15 minutes. */
  static final String VALID_UNTIL = "2026-01-01T00:15:00Z";

  @StartStop
  final MockWebServer workspace = new MockWebServer();
  @StartStop
  final MockWebServer storage = new MockWebServer();
  final FakeSleeper sleeper = new FakeSleeper();
  final Map<String, Deque<MockResponse>> workspaceAnswers = new ConcurrentHashMap<>();
  final Map<String, Deque<MockResponse>> storageAnswers = new ConcurrentHashMap<>();
  final List<RecordedRequest> downloads = new CopyOnWriteArrayList<>();
  DatabricksClient db;
  /** The manifest's result_compression, when set. */
  String compression;

  @BeforeEach
  void setUp() {
    db = TestClients.forUrl(workspace.url("/").toString(), sleeper);
    workspace.setDispatcher(fixtures(workspaceAnswers, null));
    storage.setDispatcher(fixtures(storageAnswers, downloads));
    CapturedLogs.clear();
  }

  @AfterEach
  void tearDown() {
    db.close();
  }

  @Test
  void downloadsSendLinkHeadersAndNeverTheToken() throws Exception {
    serveResult("JSON_ARRAY", 3, 2);

    try (StatementResult result = sql(SqlOptions.defaults()).execute("wh", "SELECT * FROM big")) {
      assertEquals(ids(1, 6), ids(result));
      assertEquals(3, result.totalChunkCount());
    }

    assertEquals(3, downloads.size());
    for (RecordedRequest d : downloads) {
      assertEquals("GET", d.getMethod());
      assertNull(d.getHeaders().get("Authorization"), "the workspace token must not go to storage");
      assertEquals(SSE_KEY, d.getHeaders().get(SSE_HEADER));
    }
    assertEquals(List.of("/c0?sig=s0", "/c1?sig=s1", "/c2?sig=s2"), sortedTargets(downloads));
    List<String> calls = drain(workspace).stream()
        .peek(r -> assertEquals("Bearer " + TestClients.TOKEN, r.getHeaders().get("Authorization")))
        .map(r -> r.getMethod() + " " + r.getTarget()).sorted().collect(Collectors.toList());
    assertEquals(List.of("GET " + CHUNKS + "1", "GET " + CHUNKS + "2", "POST /api/2.0/sql/statements/"), calls);
  }

  @Test
  void aLinkAboutToExpireIsRefreshedBeforeUse() throws Exception {
    serveResult("JSON_ARRAY", 1, 2, link(0, "/stale0?sig=old", 2, "2026-01-01T00:00:30Z"));
    answer(storageAnswers, "/fresh0?sig=new", ok(body("JSON_ARRAY", 0, 2)));
    answer(workspaceAnswers, "GET " + CHUNKS + "0", ok("{'external_links':[" + link(0, "/fresh0?sig=new", 2, VALID_UNTIL) + "]}"));

    try (StatementResult result = sql(SqlOptions.defaults()).execute("wh", "SELECT 1")) {
      assertEquals(ids(1, 2), ids(result));
    }

    assertEquals(List.of("/fresh0?sig=new"), sortedTargets(downloads), "the stale link is never used");
  }

  @Test
  void aRejectedLinkIsRefreshedAndDownloadedAgain() throws Exception {
    serveResult("JSON_ARRAY", 2, 2);
    answer(storageAnswers, "/c1?sig=s1", new MockResponse.Builder().code(403).addHeader("Content-Type", "application/xml")
        .body("<Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>").build());
    answer(workspaceAnswers, "GET " + CHUNKS + "1", ok("{'external_links':[" + link(1, "/c1?sig=s1", 2, VALID_UNTIL) + "]}"),
        ok("{'external_links':[" + link(1, "/c1b?sig=renewed", 2, VALID_UNTIL) + "]}"));
    answer(storageAnswers, "/c1b?sig=renewed", ok(body("JSON_ARRAY", 1, 2)));

    try (StatementResult result = sql(SqlOptions.defaults()).execute("wh", "SELECT 1")) {
      assertEquals(ids(1, 4), ids(result));
    }

    assertEquals(List.of("/c0?sig=s0", "/c1?sig=s1", "/c1b?sig=renewed"), sortedTargets(downloads));
    String logs = CapturedLogs.all();
    assertTrue(logs.contains("fresh link"), logs);
    assertFalse(logs.contains("sig=") || logs.contains(SSE_KEY), "link secrets must not be logged: " + logs);
  }

  @Test
  void aDownloadFailingOnceIsRetried() throws Exception {
    serveResult("JSON_ARRAY", 1, 2);
    storageAnswers.get("/c0?sig=s0").addFirst(apiError(500, "INTERNAL", "storage hiccup"));

    try (StatementResult result = sql(SqlOptions.defaults()).execute("wh", "SELECT 1")) {
      assertEquals(ids(1, 2), ids(result));
    }

    assertEquals(List.of("/c0?sig=s0", "/c0?sig=s0"), sortedTargets(downloads));
    assertEquals(List.of(Duration.ofMillis(500)), sleeper.sleeps(), "core's backoff, no real sleep");
  }

  @Test
  void aBodyCutOffMidwayIsDownloadedAgainWithAFreshLink() throws Exception {
    serveResult("JSON_ARRAY", 1, 200);
    String full = body("JSON_ARRAY", 0, 200);
    storageAnswers.get("/c0?sig=s0").addFirst(new MockResponse.Builder().code(200).body(full)
        .throttleBody(1024, 1, TimeUnit.MILLISECONDS).onResponseBody(SocketEffect.ShutdownConnection.INSTANCE).build());
    answer(workspaceAnswers, "GET " + CHUNKS + "0", ok("{'external_links':[" + link(0, "/c0?sig=s0", 200, VALID_UNTIL) + "]}"));

    try (StatementResult result = sql(SqlOptions.defaults()).execute("wh", "SELECT 1")) {
      assertEquals(ids(1, 200), ids(result));
    }
    assertEquals(2, downloads.size());
  }

  @Test
  void aStalledDownloadIsAbandonedAndFetchedAgain() throws Exception {
    serveResult("JSON_ARRAY", 1, 50);
    storageAnswers.get("/c0?sig=s0").addFirst(new MockResponse.Builder().code(200).body(body("JSON_ARRAY", 0, 50))
        .throttleBody(16, 30, TimeUnit.SECONDS).build()); // 16 bytes, then silence
    answer(workspaceAnswers, "GET " + CHUNKS + "0", ok("{'external_links':[" + link(0, "/c0?sig=s0", 50, VALID_UNTIL) + "]}"));

    SqlOptions options = SqlOptions.builder().downloadIdleTimeout(Duration.ofMillis(200)).build();
    try (StatementResult result = sql(options).execute("wh", "SELECT 1")) {
      assertEquals(ids(1, 50), ids(result));
    }
    assertEquals(2, downloads.size());
    assertTrue(CapturedLogs.all().contains("no data for 200 ms"), CapturedLogs.all()); // core's stall guard
  }

  @Test
  void aChunkShortEveryTimeFailsAfterTheRefreshes() {
    serveResult("JSON_ARRAY", 2, 2);
    answer(storageAnswers, "/c1?sig=s1", ok("[['3','x']]"));

    try (StatementResult result = sql(SqlOptions.builder().maxLinkRefreshes(2).build()).execute("wh", "SELECT 1")) {
      IncompleteResultException e = assertThrows(IncompleteResultException.class, result::toList);
      assertTrue(e.getMessage().contains("chunk 1 of statement x1 has 1 rows, the manifest says 2"), e.getMessage());
    }
    assertEquals(4, downloads.size(), "chunk 0 once, chunk 1 three times (two refreshes)");
  }

  @Test
  void csvWithQuotedCommasQuotesNewlinesAndNulls() {
    serveResult("CSV", 2, 3);
    answer(storageAnswers, "/c0?sig=s0", okText("id,txt\r\n1,\"a, b\"\r\n2,\"line1\nline2\"\r\n3,\"say \"\"hi\"\"\"\r\n"));
    answer(storageAnswers, "/c1?sig=s1", okText("4,null\n5,\"null\"\n6,\n"));

    List<String> texts = new ArrayList<>();
    try (StatementResult result = sql(SqlOptions.defaults()).execute("wh", "SELECT 1")) {
      for (Row row : result.rows()) {
        texts.add(row.getString("txt"));
      }
      assertEquals(ids(1, 6), ids(result));
    }
    assertEquals(Arrays.asList("a, b", "line1\nline2", "say \"hi\"", null, "null", ""), texts);
  }

  @Test
  void severalChunksDownloadAtOnceUpToTheParallelism() throws Exception {
    serveResult("JSON_ARRAY", 8, 1);
    AtomicInteger current = new AtomicInteger();
    AtomicInteger peak = new AtomicInteger();
    CountDownLatch fourAtOnce = new CountDownLatch(4);
    storage.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest r) throws InterruptedException {
        peak.accumulateAndGet(current.incrementAndGet(), Math::max);
        try {
          fourAtOnce.countDown();
          fourAtOnce.await(5, TimeUnit.SECONDS); // opens only if four downloads are in flight together
          int chunk = Integer.parseInt(r.getUrl().encodedPath().substring(2));
          return ok(body("JSON_ARRAY", chunk, 1));
        } finally {
          current.decrementAndGet();
        }
      }
    });

    try (StatementResult result = sql(SqlOptions.builder().downloadParallelism(4).build()).execute("wh", "SELECT 1")) {
      assertEquals(ids(1, 8), ids(result));
    }
    assertEquals(0, fourAtOnce.getCount(), "four downloads were in flight together");
    assertEquals(4, peak.get(), "never more than the parallelism");
  }

  @Test
  @SuppressWarnings("deprecation") // the chunk cap still holds when set
  void aSlowReaderNeverHasMoreThanTheBoundInMemory() throws Exception {
    int chunks = 40;
    serveResult("JSON_ARRAY", chunks, 3);
    SqlOptions options = SqlOptions.builder().downloadParallelism(2).maxBufferedChunks(3).build();

    int rowNumber = 0;
    int maxAhead = 0;
    try (StatementResult result = sql(options).execute("wh", "SELECT 1")) {
      for (Row row : result.rows()) {
        assertEquals(rowNumber + 1, row.getLong("id"));
        int reading = rowNumber / 3;
        if (rowNumber % 3 == 0) {
          // A slow reader: it waits until the downloads filled the buffer (they may not go further).
          int full = Math.min(reading + 3, chunks);
          awaitTrue(() -> downloads.size() >= full);
        }
        // Chunks started minus chunks the reader finished = chunks loaded or loading, in memory.
        maxAhead = Math.max(maxAhead, downloads.size() - reading);
        rowNumber++;
      }
    }
    assertEquals(chunks * 3, rowNumber);
    assertEquals(chunks, downloads.size(), "each chunk downloaded once");
    assertTrue(maxAhead <= 3, "at most 3 chunks in memory, saw " + maxAhead);
    assertEquals(3, maxAhead, "the reader was slow enough for the buffer to fill");
  }

  @Test
  @SuppressWarnings("deprecation")
  void closingEarlyStopsDownloadsAndFreesTheirThreads() throws Exception {
    serveResult("JSON_ARRAY", 10, 2);
    for (int i = 1; i < 10; i++) { // every chunk but the first trickles in very slowly
      answer(storageAnswers, "/c" + i + "?sig=s" + i, new MockResponse.Builder().code(200).body(body("JSON_ARRAY", i, 2))
          .throttleBody(1, 1, TimeUnit.SECONDS).build());
    }
    SqlOptions options = SqlOptions.builder().downloadParallelism(3).maxBufferedChunks(4).build();

    StatementResult result = sql(options).execute("wh", "SELECT 1");
    Iterator<Row> rows = result.rows().iterator();
    assertEquals(1L, rows.next().getLong("id"));
    awaitTrue(() -> parserThreads() > 0); // a download is being buffered
    result.close();

    awaitTrue(() -> parserThreads() == 0);
    int started = downloads.size();
    assertTrue(started <= 4, "only chunk 0 and the first parallel downloads started, saw " + started);
    assertThrows(dev.kiln.core.error.DatabricksClientException.class, () -> {
      while (rows.hasNext()) {
        rows.next();
      }
    });
  }

  @Test
  void closingEndsChunkRequestsStillWaitingForAnswersAndFreesTheirWorkers() throws Exception {
    serveResult("JSON_ARRAY", 6, 2);
    // Chunk 1's link request and chunk 2's download get no answer for a minute: workers wait in both.
    workspaceAnswers.get("GET " + CHUNKS + 1).clear();
    answer(workspaceAnswers, "GET " + CHUNKS + 1, new MockResponse.Builder().headersDelay(60, TimeUnit.SECONDS)
        .body(("{'external_links':[" + link(1, "/c1?sig=s1", 2, VALID_UNTIL) + "]}").replace('\'', '"')).build());
    storageAnswers.get("/c2?sig=s2").clear();
    answer(storageAnswers, "/c2?sig=s2", new MockResponse.Builder().headersDelay(60, TimeUnit.SECONDS)
        .body(body("JSON_ARRAY", 2, 2)).build());
    SqlOptions options = SqlOptions.builder().downloadParallelism(3).build();

    StatementResult result = sql(options).execute("wh", "SELECT 1");
    Iterator<Row> rows = result.rows().iterator();
    assertEquals(1L, rows.next().getLong("id"));
    awaitTrue(() -> threadsIn("ChunkSource", "locate") == 1 && threadsIn("ChunkDownloader", "send") == 1);
    result.close();

    awaitTrue(() -> threadsIn("ChunkSource", "locate") == 0 && threadsIn("ChunkDownloader", "send") == 0);
    assertThrows(dev.kiln.core.error.DatabricksClientException.class, () -> {
      while (rows.hasNext()) {
        rows.next();
      }
    });
  }

  @Test
  void arrowStreamResultsReadThroughTheSameGetters() throws Exception {
    serveResult("ARROW_STREAM", 3, 500);

    try (StatementResult result = sql(SqlOptions.defaults()).execute("wh", "SELECT 1")) {
      List<String> texts = new ArrayList<>();
      for (Row row : result.rows()) {
        texts.add(row.getString("txt"));
      }
      assertEquals(ids(1, 1500), ids(result));
      assertEquals("t1", texts.get(0));
      assertEquals(null, texts.get(6), "every 7th text is NULL");
      assertEquals("t1500", texts.get(1499));
    }
    assertEquals(6, downloads.size(), "two passes over three chunks");
  }

  @Test
  void lz4FramedArrowChunksAreDecoded() throws Exception {
    compression = "LZ4_FRAME";
    serveResult("ARROW_STREAM", 2, 300);

    dev.kiln.sql.model.StatementRequest request = dev.kiln.sql.model.StatementRequest.builder().warehouseId("wh")
        .statement("SELECT 1").format(dev.kiln.sql.model.Format.ARROW_STREAM)
        .disposition(dev.kiln.sql.model.Disposition.EXTERNAL_LINKS).build();
    try (StatementResult result = sql(SqlOptions.defaults()).execute(request)) {
      assertEquals(dev.kiln.sql.model.ResultCompression.LZ4_FRAME, result.response().manifest().get().resultCompression());
      assertEquals(ids(1, 600), ids(result));
    }
    RecordedRequest submit = Wire.take(workspace);
    assertEquals("POST /api/2.0/sql/statements/", submit.getMethod() + " " + submit.getTarget());
    assertEquals("LZ4_FRAME", Wire.bodyTree(submit).path("result_compression").asText(),
        "Arrow links are asked for LZ4-compressed, as the JDBC driver does");
  }

  @Test
  void arrowWithoutCompressionWhenAskedAndTheManifestIsFollowed() throws Exception {
    serveResult("ARROW_STREAM", 2, 300);

    dev.kiln.sql.model.StatementRequest request = dev.kiln.sql.model.StatementRequest.builder().warehouseId("wh")
        .statement("SELECT 1").format(dev.kiln.sql.model.Format.ARROW_STREAM)
        .disposition(dev.kiln.sql.model.Disposition.EXTERNAL_LINKS)
        .resultCompression(dev.kiln.sql.model.ResultCompression.NONE).build();
    try (StatementResult result = sql(SqlOptions.defaults()).execute(request)) {
      assertEquals(dev.kiln.sql.model.ResultCompression.NONE, result.response().manifest().get().resultCompression());
      assertEquals(ids(1, 600), ids(result));
    }
    RecordedRequest submit = Wire.take(workspace);
    assertEquals("NONE", Wire.bodyTree(submit).path("result_compression").asText());
  }

  @Test
  void anExpiredArrowLinkIsRefreshedAndAShortArrowChunkDetected() throws Exception {
    serveResult("ARROW_STREAM", 3, 4);
    answer(storageAnswers, "/c1?sig=s1", new MockResponse.Builder().code(403).body("<Error>expired</Error>").build());
    answer(workspaceAnswers, "GET " + CHUNKS + "1", ok("{'external_links':[" + link(1, "/c1?sig=s1", 4, VALID_UNTIL) + "]}"),
        ok("{'external_links':[" + link(1, "/c1b?sig=renewed", 4, VALID_UNTIL) + "]}"));
    answer(storageAnswers, "/c1b?sig=renewed", okBytes(arrowBody(1, 4, 4, false)));
    answer(storageAnswers, "/c2?sig=s2", okBytes(arrowBody(2, 4, 3, false))); // one row short, every time

    try (StatementResult result = sql(SqlOptions.builder().maxLinkRefreshes(1).build()).execute("wh", "SELECT 1")) {
      List<Long> read = new ArrayList<>();
      IncompleteResultException e = assertThrows(IncompleteResultException.class, () -> {
        for (Row row : result.rows()) {
          read.add(row.getLong("id"));
        }
      });
      assertTrue(e.getMessage().contains("chunk 2 of statement x1 has 3 rows, the manifest says 4"), e.getMessage());
      assertEquals(ids(1, 11), read, "the rows before the gap, each once");
    }
    assertEquals(List.of("/c0?sig=s0", "/c1?sig=s1", "/c1b?sig=renewed", "/c2?sig=s2", "/c2?sig=s2"),
        sortedTargets(downloads));
  }

  @Test
  void aCorruptArrowChunkFailsClearlyAfterTheRefreshes() {
    serveResult("ARROW_STREAM", 1, 4);
    answer(storageAnswers, "/c0?sig=s0", okBytes(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9}));
    answer(workspaceAnswers, "GET " + CHUNKS + "0", ok("{'external_links':[" + link(0, "/c0?sig=s0", 4, VALID_UNTIL) + "]}"));

    try (StatementResult result = sql(SqlOptions.builder().maxLinkRefreshes(1).build()).execute("wh", "SELECT 1")) {
      dev.kiln.core.error.DatabricksClientException e =
          assertThrows(dev.kiln.core.error.DatabricksClientException.class, result::toList);
      assertTrue(e.getMessage().contains("reading chunk 0 failed"), e.getMessage());
    }
    assertEquals(2, downloads.size());
  }

  @Test
  void anUnknownCompressionIsRefusedWithItsName() {
    compression = "ZSTD";
    serveResult("ARROW_STREAM", 1, 2);

    try (StatementResult result = sql(SqlOptions.defaults()).execute("wh", "SELECT 1")) {
      UnsupportedFormatException e = assertThrows(UnsupportedFormatException.class, result::toList);
      assertTrue(e.getMessage().contains("ZSTD"), e.getMessage());
    }
    assertEquals(0, downloads.size());
  }

  @Test
  void linkSecretsAreLeftOutOfToString() throws Exception {
    ExternalLink link = dev.kiln.core.Json.mapper().readValue(json(link(0, "/c0?sig=topsecret", 1, VALID_UNTIL)),
        ExternalLink.class);
    assertFalse(link.toString().contains("topsecret") || link.toString().contains(SSE_KEY), link.toString());
    assertEquals(SSE_KEY, link.httpHeaders().get(SSE_HEADER));
  }

  // ---- fixtures ----

  private SqlClient sql(SqlOptions options) {
    return SqlClient.create(db, options);
  }

  /** A succeeded statement with {@code chunks} chunks of {@code rowsPerChunk} rows, ids 1..n. */
  private void serveResult(String format, int chunks, int rowsPerChunk) {
    serveResult(format, chunks, rowsPerChunk, link(0, "/c0?sig=s0", rowsPerChunk, VALID_UNTIL));
  }

  private void serveResult(String format, int chunks, int rowsPerChunk, String firstLink) {
    String manifestChunks = IntStream.range(0, chunks)
        .mapToObj(i -> "{'chunk_index':" + i + ",'row_offset':" + (i * rowsPerChunk) + ",'row_count':" + rowsPerChunk + "}")
        .collect(Collectors.joining(","));
    answer(workspaceAnswers, "POST /api/2.0/sql/statements/", ok(statement("x1", "SUCCEEDED",
        "'manifest':{'format':'" + format + "','schema':{'column_count':2,'columns':["
            + "{'name':'id','position':0,'type_name':'LONG'},{'name':'txt','position':1,'type_name':'STRING'}]},"
            + "'total_chunk_count':" + chunks + ",'total_row_count':" + (chunks * rowsPerChunk) + ",'truncated':false,"
            + (compression == null ? "" : "'result_compression':'" + compression + "',")
            + "'chunks':[" + manifestChunks + "]},'result':{'external_links':[" + firstLink + "]}")));
    for (int i = 0; i < chunks; i++) {
      if (i > 0) {
        answer(workspaceAnswers, "GET " + CHUNKS + i,
            ok("{'external_links':[" + link(i, "/c" + i + "?sig=s" + i, rowsPerChunk, VALID_UNTIL) + "]}"));
      }
      answer(storageAnswers, "/c" + i + "?sig=s" + i, new MockResponse.Builder().code(200)
          .body(bodyBytes(format, i, rowsPerChunk)).build());
    }
  }

  private String link(int chunk, String pathAndQuery, int rows, String expiration) {
    return "{'chunk_index':" + chunk + ",'row_offset':0,'row_count':" + rows + ",'byte_count':100,"
        + "'external_link':'" + storage.url(pathAndQuery) + "','expiration':'" + expiration + "',"
        + "'http_headers':{'" + SSE_HEADER + "':'" + SSE_KEY + "'}"
        + (chunk < 1000 ? ",'next_chunk_index':" + (chunk + 1) : "") + "}";
  }

  private okio.Buffer bodyBytes(String format, int chunk, int rows) {
    if (format.equals("ARROW_STREAM")) {
      return new okio.Buffer().write(arrowBody(chunk, rows, rows, "LZ4_FRAME".equals(compression)));
    }
    return new okio.Buffer().writeUtf8(body(format, chunk, rows));
  }

  private static MockResponse okBytes(byte[] body) {
    return new MockResponse.Builder().code(200).body(new okio.Buffer().write(body)).build();
  }

  /**
   * An Arrow IPC stream written by Arrow Java (the oracle): {@code actualRows} rows of ids
   * {@code chunk*rows+1 ..} (BIGINT) and texts {@code t<id>} (NULL every 7th), in two record batches.
   */
  static byte[] arrowBody(int chunk, int rows, int actualRows, boolean lz4) {
    try (org.apache.arrow.memory.BufferAllocator alloc = new org.apache.arrow.memory.RootAllocator();
        org.apache.arrow.vector.BigIntVector id = new org.apache.arrow.vector.BigIntVector("id", alloc);
        org.apache.arrow.vector.VarCharVector txt = new org.apache.arrow.vector.VarCharVector("txt", alloc)) {
      org.apache.arrow.vector.VectorSchemaRoot root = new org.apache.arrow.vector.VectorSchemaRoot(
          List.of(id.getField(), txt.getField()), List.of(id, txt), 0);
      java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
      try (org.apache.arrow.vector.ipc.ArrowStreamWriter w = new org.apache.arrow.vector.ipc.ArrowStreamWriter(
          root, null, java.nio.channels.Channels.newChannel(out))) {
        w.start();
        int half = actualRows / 2;
        for (int[] part : new int[][] {{0, half}, {half, actualRows}}) {
          int n = part[1] - part[0];
          id.allocateNew(Math.max(n, 1));
          txt.allocateNew(Math.max(n, 1));
          for (int r = 0; r < n; r++) {
            long v = (long) chunk * rows + part[0] + r + 1;
            id.set(r, v);
            if (v % 7 == 0) {
              txt.setNull(r);
            } else {
              txt.setSafe(r, ("t" + v).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
          }
          root.setRowCount(n);
          w.writeBatch();
        }
        w.end();
      }
      byte[] ipc = out.toByteArray();
      if (!lz4) {
        return ipc;
      }
      java.io.ByteArrayOutputStream framed = new java.io.ByteArrayOutputStream();
      try (net.jpountz.lz4.LZ4FrameOutputStream z = new net.jpountz.lz4.LZ4FrameOutputStream(framed)) {
        z.write(ipc);
      }
      return framed.toByteArray();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Rows with ids {@code chunk*rows+1 ..}; CSV has its header in chunk 0 only. */
  private static String body(String format, int chunk, int rows) {
    StringBuilder b = new StringBuilder(format.equals("CSV") ? (chunk == 0 ? "id,txt\n" : "") : "[");
    for (int r = 0; r < rows; r++) {
      long id = (long) chunk * rows + r + 1;
      if (format.equals("CSV")) {
        b.append(id).append(",t").append(id).append('\n');
      } else {
        b.append(r == 0 ? "" : ",").append("[\"").append(id).append("\",\"t").append(id).append("\"]");
      }
    }
    return format.equals("CSV") ? b.toString() : b.append(']').toString();
  }

  private static void answer(Map<String, Deque<MockResponse>> answers, String key, MockResponse... responses) {
    answers.put(key, new ArrayDeque<>(Arrays.asList(responses)));
  }

  /** Answers in order per key; the last answer repeats. */
  private static Dispatcher fixtures(Map<String, Deque<MockResponse>> answers, List<RecordedRequest> log) {
    return new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest r) {
        if (log != null) {
          log.add(r);
        }
        String key = log != null ? r.getTarget() : r.getMethod() + " " + r.getTarget();
        Deque<MockResponse> queue = answers.get(key);
        if (queue == null) {
          return apiError(404, "NOT_FOUND", "no fixture");
        }
        synchronized (queue) {
          return queue.size() > 1 ? queue.removeFirst() : queue.getFirst();
        }
      }
    };
  }

  private static List<Long> ids(StatementResult result) {
    return result.stream().map(r -> r.getLong("id")).collect(Collectors.toList());
  }

  private static List<Long> ids(long from, long to) {
    return java.util.stream.LongStream.rangeClosed(from, to).boxed().collect(Collectors.toList());
  }

  private static List<String> sortedTargets(List<RecordedRequest> requests) {
    return requests.stream().map(RecordedRequest::getTarget).sorted().collect(Collectors.toList());
  }

  /** Every request the server has received (all answered: the result was read to its end). */
  private static List<RecordedRequest> drain(MockWebServer server) {
    List<RecordedRequest> all = new ArrayList<>();
    for (int i = server.getRequestCount(); i > 0; i--) {
      all.add(Wire.take(server));
    }
    return all;
  }

  /** Threads now running {@code method} of a class whose name ends with {@code classSuffix}. */
  private static long threadsIn(String classSuffix, String method) {
    return Thread.getAllStackTraces().values().stream()
        .filter(stack -> Arrays.stream(stack)
            .anyMatch(f -> f.getClassName().endsWith(classSuffix) && f.getMethodName().equals(method)))
        .count();
  }

  private static long parserThreads() {
    return Thread.getAllStackTraces().values().stream()
        .filter(stack -> Arrays.stream(stack).anyMatch(f -> f.getClassName().endsWith("ChunkBytes")))
        .count();
  }

  /** Waits (bounded, without sleeping) until the condition holds. */
  private static void awaitTrue(java.util.function.BooleanSupplier condition) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within 5 s");
      }
      Thread.yield();
    }
  }
}
