package dev.kiln.vectorsearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.core.PagedIterable;
import dev.kiln.core.error.InvalidRequestException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScanTest extends MockServerTest {
  private static final String SCAN_PATH = "/api/2.0/vector-search/indexes/main.docs.idx/scan";

  @Test
  void scanFollowsLastPrimaryKeyUntilAnEmptyPageAndDecodesEveryValueKind() throws Exception {
    enqueueJson("{'data': [{'fields': ["
        + "  {'key': 'id', 'value': {'string_value': 'a'}},"
        + "  {'key': 'views', 'value': {'number_value': 42}},"
        + "  {'key': 'ratio', 'value': {'number_value': 0.5}},"
        + "  {'key': 'featured', 'value': {'bool_value': true}},"
        + "  {'key': 'deleted_at', 'value': {'null_value': 'NULL_VALUE'}},"
        + "  {'key': 'embedding', 'value': {'list_value': {'values': ["
        + "      {'number_value': 0.1}, {'number_value': 0.2}]}}},"
        + "  {'key': 'meta', 'value': {'struct_value': {'fields': ["
        + "      {'key': 'lang', 'value': {'string_value': 'en'}},"
        + "      {'key': 'tags', 'value': {'list_value': {'values': ["
        + "          {'string_value': 'x'}, {'null_value': 'NULL_VALUE'}]}}}]}}}"
        + "]}], 'last_primary_key': 'a'}");
    enqueueJson("{'data': [{'fields': [{'key': 'id', 'value': {'string_value': 'b'}}]}], 'last_primary_key': 'b'}");
    enqueueJson("{'data': [], 'last_primary_key': 'b'}");

    PagedIterable<Map<String, Object>> scan = vs.scan("main.docs.idx", 2);
    assertEquals(0, server.getRequestCount(), "lazy: nothing sent before iteration");
    List<Map<String, Object>> entries = new ArrayList<>();
    scan.forEach(entries::add);

    assertEquals(2, entries.size());
    Map<String, Object> a = entries.get(0);
    assertEquals(List.of("id", "views", "ratio", "featured", "deleted_at", "embedding", "meta"),
        new ArrayList<>(a.keySet()));
    assertEquals("a", a.get("id"));
    assertEquals(42.0, a.get("views")); // every number is a Double
    assertEquals(0.5, a.get("ratio"));
    assertEquals(Boolean.TRUE, a.get("featured"));
    assertTrue(a.containsKey("deleted_at"));
    assertNull(a.get("deleted_at"));
    assertEquals(List.of(0.1, 0.2), a.get("embedding"));
    Map<?, ?> meta = (Map<?, ?>) a.get("meta");
    assertEquals("en", meta.get("lang"));
    assertEquals(Arrays.asList("x", null), meta.get("tags"));
    assertEquals(Map.of("id", "b"), entries.get(1));

    take("POST", SCAN_PATH, "{'num_results': 2}");
    take("POST", SCAN_PATH, "{'num_results': 2, 'last_primary_key': 'a'}");
    take("POST", SCAN_PATH, "{'num_results': 2, 'last_primary_key': 'b'}");
    assertEquals(3, server.getRequestCount());
  }

  @Test
  void defaultPageSizeAndAnEmptyIndex() throws Exception {
    enqueueJson("{}");

    assertEquals(0, vs.scan("main.docs.idx").stream().count());

    take("POST", SCAN_PATH, "{'num_results': " + VectorSearchOptions.defaults().scanPageSize() + "}");
  }

  @Test
  void invalidScanArgumentsSendNothing() {
    assertThrows(InvalidRequestException.class, () -> vs.scan("main.docs.idx", 0));
    assertThrows(InvalidRequestException.class, () -> vs.scan(" "));
    assertEquals(0, server.getRequestCount());
  }
}
