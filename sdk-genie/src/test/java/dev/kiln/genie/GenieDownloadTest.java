package dev.kiln.genie;

import static dev.kiln.core.testing.Wire.expectGet;
import static dev.kiln.core.testing.Wire.expectJsonPost;
import static dev.kiln.core.testing.Wire.ok;
import static dev.kiln.genie.GenieWire.messagePath;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.core.testing.Wire;
import dev.kiln.genie.model.GenieDownload;
import dev.kiln.sql.Row;
import dev.kiln.sql.StatementFailedException;
import dev.kiln.sql.StatementResult;
import dev.kiln.sql.model.StatementState;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

/** generate → poll → fetch the links without the workspace token. */
class GenieDownloadTest extends GenieTestBase {
  static final String ATTACHMENT = messagePath("msg-1") + "/attachments/att-2";
  static final String SIGNATURE = "eyJhbGciOiJIUzI1NiJ9.sig-secret";

  private String linked(String statementId, String file0, String file1) {
    return "{'statement_response':{'statement_id':'" + statementId + "','status':{'state':'SUCCEEDED'},"
        + "'manifest':{'format':'JSON_ARRAY','schema':{'column_count':1,'columns':[{'name':'n','position':0,"
        + "'type_name':'INT','type_text':'INT'}]},'total_chunk_count':2,'total_row_count':3,"
        + "'chunks':[{'chunk_index':0,'row_offset':0,'row_count':2},{'chunk_index':1,'row_offset':2,'row_count':1}]},"
        + "'result':{'external_links':["
        + "{'chunk_index':0,'row_offset':0,'row_count':2,'external_link':'" + server.url(file0)
        + "','expiration':'2099-01-01T00:00:00Z'},"
        + "{'chunk_index':1,'row_offset':2,'row_count':1,'external_link':'" + server.url(file1)
        + "','expiration':'2099-01-01T00:00:00Z'}]}}}";
  }

  @Test
  void generatesPollsAndReadsEveryChunkWithoutTheToken() throws Exception {
    server.enqueue(ok("{'download_id':'dl-1','download_id_signature':'" + SIGNATURE + "'}"));
    server.enqueue(ok("{'statement_response':{'statement_id':'st-9','status':{'state':'RUNNING'}}}"));
    server.enqueue(ok(linked("st-9", "/files/c0", "/files/c1")));
    // the chunks are fetched in parallel: served by path, not in queue order
    Map<String, String> files = Map.of("/files/c0", "[[\"1\"],[\"2\"]]", "/files/c1", "[[\"3\"]]");
    Dispatcher queued = server.getDispatcher();
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest r) throws InterruptedException {
        String file = files.get(r.getTarget());
        return file != null ? new MockResponse.Builder().body(file).build() : queued.dispatch(r);
      }
    });
    List<String> seen = new CopyOnWriteArrayList<>();

    GenieDownloadHandle handle = genie.downloadFullResult(GenieManageTest.twoQueryAnswer(), "att-2");
    handle.addListener(d -> seen.add(d.rawState()));
    try (StatementResult rows = handle.await()) {
      assertEquals(List.of(1, 2, 3), rows.stream().map(r -> r.getInt("n")).collect(java.util.stream.Collectors.toList()));
    }

    assertEquals("dl-1", handle.id());
    assertEquals(StatementState.SUCCEEDED, handle.status());
    assertEquals(List.of("PENDING", "RUNNING", "SUCCEEDED"), seen);
    assertFalse(handle.toString().contains("sig-secret"), handle.toString());
    expectJsonPost(server, ATTACHMENT + "/downloads", null);
    String polled = ATTACHMENT + "/downloads/dl-1?download_id_signature=eyJhbGciOiJIUzI1NiJ9.sig-secret";
    expectGet(server, polled);
    expectGet(server, polled);
    Set<String> fetched = new HashSet<>();
    for (int i = 0; i < 2; i++) {
      RecordedRequest fetch = Wire.take(server);
      fetched.add(fetch.getMethod() + " " + fetch.getTarget());
      assertNull(fetch.getHeaders().get("Authorization"), "links are fetched without the workspace token");
    }
    assertEquals(Set.of("GET /files/c0", "GET /files/c1"), fetched);
    assertEquals(5, server.getRequestCount());
  }

  @Test
  void theFirstQueryAttachmentIsTheDefault() throws Exception {
    server.enqueue(ok("{'download_id':'dl-2','download_id_signature':'s'}"));
    server.enqueue(Wire.error(500, "{'error_code':'INTERNAL_ERROR','message':'stop here'}"));

    GenieDownloadHandle handle = genie.downloadFullResult(GenieManageTest.twoQueryAnswer());

    assertEquals("att-1", handle.attachmentId());
    expectJsonPost(server, messagePath("msg-1") + "/attachments/att-1/downloads", null);
    handle.resultAsync().cancel(true);
  }

  @Test
  void aFailedDownloadStatementThrowsTheSqlFailure() throws Exception {
    server.enqueue(ok("{'download_id':'dl-3','download_id_signature':'s'}"));
    server.enqueue(ok("{'statement_response':{'statement_id':'st-3','status':{'state':'FAILED',"
        + "'error':{'error_code':'BAD_REQUEST','message':'[DIVIDE_BY_ZERO] boom'}}}}"));

    GenieDownloadHandle handle = genie.downloadFullResult(GenieManageTest.twoQueryAnswer(), "att-1");
    StatementFailedException e = assertThrows(StatementFailedException.class, handle::await);

    assertTrue(e.getMessage().contains("DIVIDE_BY_ZERO"), e.getMessage());
    assertEquals(StatementState.FAILED, handle.status());
    assertEquals(GenieDownload.of("dl-3", java.util.Optional.empty()).rawState(), "PENDING");
  }

  @Test
  void aGenerateAnswerWithoutIdsIsAClearError() throws Exception {
    server.enqueue(ok("{'download_id':'dl-4'}"));

    Exception e = assertThrows(Exception.class, () -> genie.downloadFullResult(GenieManageTest.twoQueryAnswer()));

    assertTrue(e.getMessage().contains("download_id_signature"), e.getMessage());
  }

  @Test
  void cancelIsNotSupported() throws Exception {
    server.enqueue(ok("{'download_id':'dl-5','download_id_signature':'s'}"));
    server.enqueue(ok(linked("st-5", "/f0", "/f1")));
    GenieDownloadHandle handle = genie.downloadFullResult(GenieManageTest.twoQueryAnswer());

    assertThrows(UnsupportedOperationException.class, handle::cancel);
    handle.resultAsync().cancel(true);
  }
}
