package dev.kiln.vectorsearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.core.spi.Futures;
import dev.kiln.core.error.InvalidRequestException;
import dev.kiln.vectorsearch.model.WriteResult;
import dev.kiln.vectorsearch.model.WriteStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WriteTest extends MockServerTest {
  private static final String INDEX_PATH = "/api/2.0/vector-search/indexes/main.docs.direct_idx";

  @Test
  void upsertSendsRowsAsAJsonStringAndReturnsSuccess() throws Exception {
    enqueueJson("{'status': 'SUCCESS', 'result': {'success_row_count': 2, 'failed_primary_keys': []}}");
    Map<String, Object> first = new LinkedHashMap<>();
    first.put("id", "doc-1");
    first.put("text", "hello");
    first.put("embedding", List.of(0.1, 0.2));
    first.put("note", null);

    WriteResult r = vs.upsert("main.docs.direct_idx", List.of(first, Map.of("id", "doc-2")));

    JsonNode body = bodyTree(take("POST", INDEX_PATH + "/upsert-data", null));
    assertEquals(1, body.size());
    assertTrue(body.get("inputs_json").isTextual(), "inputs_json is a string holding JSON");
    assertEquals(
        tree(("[{'id': 'doc-1', 'text': 'hello', 'embedding': [0.1, 0.2], 'note': null}, {'id': 'doc-2'}]")),
        tree(body.get("inputs_json").textValue()));
    assertEquals(WriteStatus.SUCCESS, r.status());
    assertEquals(2, r.successRowCount());
    assertTrue(r.isComplete());
    assertSame(r, r.orThrow());
  }

  @Test
  void partialSuccessIsReturnedNotSwallowedAndOrThrowNamesTheFailedKeys() throws Exception {
    enqueueJson("{'status': 'PARTIAL_SUCCESS', 'result': {'success_row_count': 1, 'failed_primary_keys': ['doc-2']}}");

    WriteResult r = vs.upsert("main.docs.direct_idx", List.of(Map.of("id", "doc-1"), Map.of("id", "doc-2")));

    assertEquals(WriteStatus.PARTIAL_SUCCESS, r.status());
    assertEquals(1, r.successRowCount());
    assertEquals(List.of("doc-2"), r.failedPrimaryKeys());
    assertFalse(r.isComplete());
    VectorWriteException e = assertThrows(VectorWriteException.class, r::orThrow);
    assertEquals(List.of("doc-2"), e.failedPrimaryKeys());
    assertTrue(e.getMessage().contains("PARTIAL_SUCCESS"), e.getMessage());
    assertTrue(e.getMessage().contains("doc-2"), e.getMessage());
  }

  @Test
  void deleteSendsPrimaryKeysAsAJsonBodyOnDelete() throws Exception {
    enqueueJson("{'status': 'SUCCESS', 'result': {'success_row_count': 2}}");

    WriteResult r = vs.delete("main.docs.direct_idx", List.of("doc-1", "doc-2"));

    take("DELETE", INDEX_PATH + "/delete-data", "{'primary_keys': ['doc-1', 'doc-2']}");
    assertTrue(r.isComplete());
    assertEquals(2, r.successRowCount());
  }

  @Test
  void failureIsReturnedWithEveryFailedKey() throws Exception {
    enqueueJson("{'status': 'FAILURE', 'result': {'success_row_count': 0, 'failed_primary_keys': ['doc-1', 'doc-2']}}");

    WriteResult r = vs.deleteAsync("main.docs.direct_idx", List.of("doc-1", "doc-2")).join();

    assertEquals(WriteStatus.FAILURE, r.status());
    assertEquals(List.of("doc-1", "doc-2"), r.failedPrimaryKeys());
    VectorWriteException e = assertThrows(VectorWriteException.class, r::orThrow);
    assertSame(r, e.result());
  }

  @Test
  void unknownStatusIsKeptRawAndNotTreatedAsComplete() throws Exception {
    enqueueJson("{'status': 'QUEUED', 'result': {'success_row_count': 0}}");

    WriteResult r = vs.delete("main.docs.direct_idx", List.of("doc-1"));

    assertEquals(WriteStatus.UNKNOWN, r.status());
    assertEquals("QUEUED", r.rawStatus().orElseThrow());
    assertFalse(r.isComplete());
    assertThrows(VectorWriteException.class, r::orThrow);
  }

  @Test
  void longFailureListsAreShortenedInTheMessage() {
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      keys.add("k" + i);
    }
    WriteResult r = WriteResult.builder().rawStatus("FAILURE").failedPrimaryKeys(keys).build();

    VectorWriteException e = assertThrows(VectorWriteException.class, r::orThrow);
    assertTrue(e.getMessage().endsWith("and 5 more"), e.getMessage());
    assertEquals(25, e.failedPrimaryKeys().size());
  }

  @Test
  void invalidWritesSendNothing() {
    assertThrows(InvalidRequestException.class, () -> vs.upsert("main.docs.direct_idx", List.of()));
    assertThrows(InvalidRequestException.class, () -> vs.upsert("", List.of(Map.of("id", "1"))));
    assertThrows(InvalidRequestException.class, () -> vs.delete("main.docs.direct_idx", List.of()));
    assertThrows(InvalidRequestException.class, () -> vs.delete("main.docs.direct_idx", List.of("ok", " ")));
    assertThrows(InvalidRequestException.class, () -> Futures.join(vs.upsertAsync("main.docs.direct_idx", null)));
    assertEquals(0, server.getRequestCount());
  }
}
