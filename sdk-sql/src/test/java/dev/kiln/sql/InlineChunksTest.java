package dev.kiln.sql;

import static dev.kiln.core.testing.Wire.ok;
import static dev.kiln.sql.SqlTestBase.apiError;
import static dev.kiln.sql.SqlTestBase.assertNoBody;
import static dev.kiln.sql.SqlTestBase.stallingAfter;
import static dev.kiln.sql.SqlTestBase.statement;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.core.DatabricksClient;
import dev.kiln.core.RetryPolicy;
import dev.kiln.core.error.DatabricksClientException;
import dev.kiln.core.error.ReadTimeoutException;
import dev.kiln.core.error.ResourceDoesNotExistException;
import dev.kiln.core.testing.TestClients;
import dev.kiln.core.testing.Wire;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class InlineChunksTest extends SqlTestBase {
  static final String CHUNKS_PATH = "/api/2.0/sql/statements/s1/result/chunks/";

  final Map<String, MockResponse> answers = new ConcurrentHashMap<>();

  @BeforeEach
  void answerFromFixtures() {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest r) {
        MockResponse answer = answers.get(r.getMethod() + " " + r.getTarget());
        return answer != null ? answer : apiError(404, "NOT_FOUND", "no fixture for " + r.getTarget());
      }
    });
  }

  /** Chunks of 2, 2 and 1 rows; {@code totalRows} is what the manifest claims. */
  static String threeChunks(String manifestChunks, int totalRows) {
    return statement("s1", "SUCCEEDED", "'manifest':{'format':'JSON_ARRAY','schema':{'column_count':2,'columns':["
        + "{'name':'id','position':0,'type_name':'LONG'},{'name':'name','position':1,'type_name':'STRING'}]},"
        + "'total_chunk_count':3,'total_row_count':" + totalRows + manifestChunks + "},"
        + "'result':{'chunk_index':0,'row_offset':0,'row_count':2,'data_array':[['1','a'],['2',null]],"
        + "'next_chunk_index':1,'next_chunk_internal_link':'" + CHUNKS_PATH + "1'}");
  }

  static final String MANIFEST_CHUNKS = ",'chunks':[{'chunk_index':0,'row_offset':0,'row_count':2},"
      + "{'chunk_index':1,'row_offset':2,'row_count':2},{'chunk_index':2,'row_offset':4,'row_count':1}]";

  void serveChunks() {
    answers.put("GET " + CHUNKS_PATH + "1", ok("{'chunk_index':1,'row_offset':2,'row_count':2,"
        + "'data_array':[['3','c'],['4','d']],'next_chunk_index':2,'next_chunk_internal_link':'" + CHUNKS_PATH + "2'}"));
    answers.put("GET " + CHUNKS_PATH + "2", ok("{'chunk_index':2,'row_offset':4,'row_count':1,'data_array':[['5','e']]}"));
  }

  @Test
  void aChunkBodyThatStallsAfterItsHeadersEndsWithATypedTimeout() throws Exception {
    answers.put("POST /api/2.0/sql/statements/", ok(threeChunks(MANIFEST_CHUNKS, 5)));
    serveChunks();
    CountDownLatch unstall = new CountDownLatch(1);
    String whole = Wire.json("{'chunk_index':1,'row_offset':2,'row_count':2,'data_array':[['3','c'],['4','d']]}");
    answers.put("GET " + CHUNKS_PATH + "1", stallingAfter(20, whole, unstall));
    try (DatabricksClient impatient = TestClients.builder(server.url("/").toString(), sleeper)
        .readTimeout(Duration.ofMillis(500)).retryPolicy(RetryPolicy.none()).build()) {
      StatementResult result = SqlClient.create(impatient).execute("wh", "SELECT 1");
      CompletableFuture<List<Row>> read = CompletableFuture.supplyAsync(result::toList);

      ExecutionException e = assertThrows(ExecutionException.class, () -> read.get(10, TimeUnit.SECONDS),
          "a stalled chunk body must end, not hang");
      assertInstanceOf(ReadTimeoutException.class, e.getCause());
      result.close();
    } finally {
      unstall.countDown();
    }
  }

  @Test
  void threeInlineChunksAreReadInOrderAndAgain() throws Exception {
    answers.put("POST /api/2.0/sql/statements/", ok(threeChunks(MANIFEST_CHUNKS, 5)));
    serveChunks();

    try (StatementResult result = sql.execute("wh", "SELECT id, name FROM t ORDER BY id")) {
      assertEquals(5, result.totalRowCount());
      assertEquals(3, result.totalChunkCount());
      List<Long> ids = new ArrayList<>();
      List<String> names = new ArrayList<>();
      for (Row row : result.rows()) {
        ids.add(row.getLong("id"));
        names.add(row.getString("name"));
      }
      assertEquals(List.of(1L, 2L, 3L, 4L, 5L), ids);
      assertEquals(java.util.Arrays.asList("a", null, "c", "d", "e"), names);
      assertEquals(ids, result.stream().map(r -> r.getLong(0)).collect(Collectors.toList()), "re-iterable");
      assertEquals(5, result.toList().size());
    }

    take("POST /api/2.0/sql/statements/");
    List<String> chunkCalls = new ArrayList<>();
    for (int i = 0; i < 6; i++) { // 3 passes; chunks 1 and 2 load in parallel, in either order
      RecordedRequest r = Wire.take(server);
      assertEquals("Bearer " + TestClients.TOKEN, r.getHeaders().get("Authorization"));
      assertNoBody(r);
      chunkCalls.add(r.getMethod() + " " + r.getTarget());
    }
    chunkCalls.sort(null);
    assertEquals(List.of("GET " + CHUNKS_PATH + "1", "GET " + CHUNKS_PATH + "1", "GET " + CHUNKS_PATH + "1",
        "GET " + CHUNKS_PATH + "2", "GET " + CHUNKS_PATH + "2", "GET " + CHUNKS_PATH + "2"), chunkCalls);
  }

  @Test
  void chunksAreFetchedAheadOfTheReader() throws Exception {
    answers.put("POST /api/2.0/sql/statements/", ok(threeChunks(MANIFEST_CHUNKS, 5)));
    serveChunks();

    try (StatementResult result = sql.execute("wh", "SELECT 1")) {
      Iterator<Row> rows = result.rows().iterator();
      assertEquals(1L, rows.next().getLong("id")); // only the first chunk, which came with the answer
      long deadline = System.nanoTime() + 5_000_000_000L;
      while (server.getRequestCount() < 3 && System.nanoTime() < deadline) {
        Thread.onSpinWait();
      }
      assertEquals(3, server.getRequestCount(), "chunks 1 and 2 requested before the reader needs them");
    }
  }

  @Test
  void aChunkThatIsGoneIsAnErrorNotAShortResult() {
    answers.put("POST /api/2.0/sql/statements/", ok(threeChunks(MANIFEST_CHUNKS, 5)));
    serveChunks();
    answers.put("GET " + CHUNKS_PATH + "2", apiError(404, "RESOURCE_DOES_NOT_EXIST", "chunk expired"));

    try (StatementResult result = sql.execute("wh", "SELECT 1")) {
      List<Long> read = new ArrayList<>();
      Iterator<Row> rows = result.rows().iterator();
      assertThrows(ResourceDoesNotExistException.class, () -> {
        while (rows.hasNext()) {
          read.add(rows.next().getLong("id"));
        }
      });
      assertEquals(List.of(1L, 2L, 3L, 4L), read);
    }
  }

  @Test
  void aChunkWithoutRowsIsDetected() {
    answers.put("POST /api/2.0/sql/statements/", ok(threeChunks(MANIFEST_CHUNKS, 5)));
    serveChunks();
    answers.put("GET " + CHUNKS_PATH + "1", ok("{'chunk_index':1,'row_offset':2}"));

    try (StatementResult result = sql.execute("wh", "SELECT 1")) {
      IncompleteResultException e = assertThrows(IncompleteResultException.class, result::toList);
      assertTrue(e.getMessage().contains("chunk 1 of statement s1 is missing"), e.getMessage());
    }
  }

  @Test
  void aShortChunkIsDetected() {
    answers.put("POST /api/2.0/sql/statements/", ok(threeChunks(MANIFEST_CHUNKS, 5)));
    serveChunks();
    answers.put("GET " + CHUNKS_PATH + "1", ok("{'chunk_index':1,'row_offset':2,'row_count':2,'data_array':[['3','c']]}"));

    try (StatementResult result = sql.execute("wh", "SELECT 1")) {
      IncompleteResultException e = assertThrows(IncompleteResultException.class, result::toList);
      assertTrue(e.getMessage().contains("chunk 1 of statement s1 has 1 rows, the manifest says 2"), e.getMessage());
    }
  }

  @Test
  void aGarbledChunkIsAnErrorNamingTheCall() {
    answers.put("POST /api/2.0/sql/statements/", ok(threeChunks(MANIFEST_CHUNKS, 5)));
    serveChunks();
    answers.put("GET " + CHUNKS_PATH + "1", ok("{'chunk_index':1,'row_count':2,'data_array':[['3','c'],'oops']}"));

    try (StatementResult result = sql.execute("wh", "SELECT 1")) {
      DatabricksClientException e = assertThrows(DatabricksClientException.class, result::toList);
      assertTrue(e.getMessage().contains("cannot read the answer to GET " + CHUNKS_PATH + "1"), e.getMessage());
    }
  }

  @Test
  void aTotalBelowTheManifestIsDetected() {
    // No per-chunk counts in the manifest: only the total can tell that a row is missing.
    answers.put("POST /api/2.0/sql/statements/", ok(threeChunks("", 6)));
    serveChunks();
    answers.put("GET " + CHUNKS_PATH + "1", ok("{'chunk_index':1,'row_offset':2,'data_array':[['3','c']]}"));

    try (StatementResult result = sql.execute("wh", "SELECT 1")) {
      IncompleteResultException e = assertThrows(IncompleteResultException.class, result::toList);
      assertTrue(e.getMessage().contains("has 4 rows in 3 chunks, the manifest says 6"), e.getMessage());
    }
  }

  @Test
  void anAnswerForAnotherChunkIsDetected() {
    answers.put("POST /api/2.0/sql/statements/", ok(threeChunks(MANIFEST_CHUNKS, 5)));
    serveChunks();
    answers.put("GET " + CHUNKS_PATH + "1", ok("{'chunk_index':2,'row_offset':4,'row_count':1,'data_array':[['5','e']]}"));

    try (StatementResult result = sql.execute("wh", "SELECT 1")) {
      assertThrows(IncompleteResultException.class, result::toList);
    }
  }

  @Test
  void aClosedResultRefusesToBeReadAgain() {
    answers.put("POST /api/2.0/sql/statements/", ok(threeChunks(MANIFEST_CHUNKS, 5)));
    serveChunks();

    StatementResult result = sql.execute("wh", "SELECT 1");
    Iterator<Row> rows = result.rows().iterator();
    rows.next();
    rows.next();
    result.close();

    assertThrows(DatabricksClientException.class, rows::hasNext);
    assertThrows(DatabricksClientException.class, result::rows);
  }

  @Test
  void aResponseWithoutItsFirstChunkFetchesItToo() throws Exception {
    // Genie hands over statement responses that may carry only the manifest.
    String manifestOnly = threeChunks(MANIFEST_CHUNKS, 5);
    manifestOnly = manifestOnly.substring(0, manifestOnly.indexOf(",'result'")) + "}";
    answers.put("GET " + CHUNKS_PATH + "0", ok("{'chunk_index':0,'row_offset':0,'row_count':2,'data_array':[['1','a'],['2','b']]}"));
    serveChunks();
    dev.kiln.sql.model.StatementResponse response = dev.kiln.core.Json.mapper().readValue(Wire.json(manifestOnly),
        dev.kiln.sql.model.StatementResponse.class);

    try (StatementResult result = sql.handle(response).await()) {
      assertEquals(List.of(1L, 2L, 3L, 4L, 5L), result.stream().map(r -> r.getLong("id")).collect(Collectors.toList()));
    }
  }

  @Test
  void emptyResultHasNoRows() {
    answers.put("POST /api/2.0/sql/statements/", ok(statement("s1", "SUCCEEDED",
        "'manifest':{'format':'JSON_ARRAY','schema':{'column_count':1,'columns':[{'name':'x','position':0,"
            + "'type_name':'INT'}]},'total_chunk_count':0,'total_row_count':0},'result':{}")));

    try (StatementResult result = sql.execute("wh", "SELECT 1 WHERE false")) {
      assertEquals(List.of(), result.toList());
      assertEquals(0, result.totalChunkCount());
    }
  }

  private void take(String methodAndTarget) throws InterruptedException {
    RecordedRequest r = Wire.take(server);
    assertEquals(methodAndTarget, r.getMethod() + " " + r.getTarget());
  }
}
