package dev.kiln.vectorsearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.core.PagedIterable;
import dev.kiln.core.error.InvalidRequestException;
import dev.kiln.core.error.ResourceDoesNotExistException;
import dev.kiln.vectorsearch.model.EndpointState;
import dev.kiln.vectorsearch.model.EndpointType;
import dev.kiln.vectorsearch.model.IndexType;
import dev.kiln.vectorsearch.model.VectorIndex;
import dev.kiln.vectorsearch.model.VectorSearchEndpoint;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class EndpointsAndIndexesTest extends MockServerTest {
  @Test
  void listEndpointsIsLazyAndFollowsPageTokens() throws Exception {
    enqueueJson("{'endpoints': [{'name': 'ep-1', 'endpoint_type': 'STANDARD',"
        + " 'endpoint_status': {'state': 'ONLINE'}}], 'next_page_token': 'p2'}");
    enqueueJson("{'endpoints': [{'name': 'ep-2', 'endpoint_status': {'state': 'PROVISIONING'}}]}");

    PagedIterable<VectorSearchEndpoint> endpoints = vs.listEndpoints();
    assertEquals(0, server.getRequestCount(), "nothing sent before iteration");
    List<VectorSearchEndpoint> all = endpoints.stream().collect(Collectors.toList());

    assertEquals(List.of("ep-1", "ep-2"), all.stream().map(VectorSearchEndpoint::name).collect(Collectors.toList()));
    assertEquals(List.of(EndpointState.ONLINE, EndpointState.PROVISIONING),
        all.stream().map(VectorSearchEndpoint::state).collect(Collectors.toList()));
    assertEquals(EndpointType.STANDARD, all.get(0).endpointType());
    take("GET", "/api/2.0/vector-search/endpoints", null);
    take("GET", "/api/2.0/vector-search/endpoints?page_token=p2", null);
  }

  @Test
  void listIndexesIsLazyAndPassesEndpointAndToken() throws Exception {
    enqueueJson("{'vector_indexes': [{'name': 'main.a.i1', 'endpoint_name': 'ep', 'index_type': 'DELTA_SYNC',"
        + " 'primary_key': 'id'}], 'next_page_token': 'n 2'}");
    enqueueJson("{'vector_indexes': [], 'next_page_token': ''}");

    PagedIterable<VectorIndex> indexes = vs.listIndexes("ep");
    assertEquals(0, server.getRequestCount(), "nothing sent before iteration");
    List<VectorIndex> all = indexes.stream().collect(Collectors.toList());

    assertEquals(1, all.size());
    assertEquals(IndexType.DELTA_SYNC, all.get(0).indexType());
    assertEquals("id", all.get(0).primaryKey().orElseThrow());
    assertFalse(all.get(0).isReady(), "listings carry no status");
    take("GET", "/api/2.0/vector-search/indexes?endpoint_name=ep", null);
    take("GET", "/api/2.0/vector-search/indexes?endpoint_name=ep&page_token=n%202", null);
    assertThrows(InvalidRequestException.class, () -> vs.listIndexes(" "));
  }

  @Test
  void getIndexIsTypedAndKeepsSpecsAsJson() throws Exception {
    enqueueJson("{'name': 'main.docs.en_wiki_index', 'endpoint_name': 'ep', 'primary_key': 'id',"
        + " 'index_type': 'DIRECT_ACCESS', 'creator': 'someone@example.com',"
        + " 'status': {'ready': true, 'indexed_row_count': 1234, 'index_url': 'https://x/idx', 'message': 'ok'},"
        + " 'direct_access_index_spec': {"
        + "   'embedding_vector_columns': [{'name': 'embedding', 'embedding_dimension': 3}]},"
        + " 'brand_new_field': 1}");

    VectorIndex index = vs.getIndex("main.docs.en_wiki_index");

    take("GET", "/api/2.0/vector-search/indexes/main.docs.en_wiki_index", null);
    assertEquals(IndexType.DIRECT_ACCESS, index.indexType());
    assertEquals("ep", index.endpointName().orElseThrow());
    assertTrue(index.isReady());
    assertEquals(1234L, index.status().orElseThrow().indexedRowCount().orElseThrow());
    assertEquals("https://x/idx", index.status().orElseThrow().indexUrl().orElseThrow());
    assertEquals("ok", index.status().orElseThrow().message().orElseThrow());
    assertEquals(3, index.directAccessIndexSpec().orElseThrow()
        .get("embedding_vector_columns").get(0).get("embedding_dimension").asInt());
    assertFalse(index.deltaSyncIndexSpec().isPresent());
  }

  @Test
  void unknownEnumValuesAreKeptRaw() throws Exception {
    enqueueJson("{'name': 'main.docs.idx', 'index_type': 'HYBRID_MAGIC'}");
    enqueueJson("{'name': 'ep', 'endpoint_type': 'QUANTUM',"
        + " 'endpoint_status': {'state': 'HIBERNATING', 'message': 'zzz'},"
        + " 'num_indexes': 3, 'creation_timestamp': 1700000000000}");

    VectorIndex index = vs.getIndex("main.docs.idx");
    VectorSearchEndpoint endpoint = vs.getEndpoint("ep");

    assertEquals(IndexType.UNKNOWN, index.indexType());
    assertEquals("HYBRID_MAGIC", index.rawIndexType().orElseThrow());
    assertEquals(EndpointType.UNKNOWN, endpoint.endpointType());
    assertEquals("QUANTUM", endpoint.rawEndpointType().orElseThrow());
    assertEquals(EndpointState.UNKNOWN, endpoint.state());
    assertEquals("HIBERNATING", endpoint.rawState().orElseThrow());
    assertEquals("zzz", endpoint.endpointStatus().orElseThrow().message().orElseThrow());
    assertEquals(3, endpoint.numIndexes().orElseThrow());
    assertEquals(1700000000000L, endpoint.creationTimestamp().orElseThrow());
    take("GET", "/api/2.0/vector-search/indexes/main.docs.idx", null);
    take("GET", "/api/2.0/vector-search/endpoints/ep", null);
  }

  @Test
  void knownEndpointValuesAreTyped() throws Exception {
    enqueueJson("{'name': 'ep', 'endpoint_type': 'STANDARD', 'endpoint_status': {'state': 'OFFLINE'}}");

    VectorSearchEndpoint endpoint = vs.getEndpointAsync("ep").join();

    assertEquals(EndpointType.STANDARD, endpoint.endpointType());
    assertEquals(EndpointState.OFFLINE, endpoint.state());
  }

  @Test
  void missingIndexSurfacesAsTheTypedServiceError() throws Exception {
    enqueue(404, "{'error_code': 'RESOURCE_DOES_NOT_EXIST', 'message': 'Index idx does not exist'}");

    ResourceDoesNotExistException e = assertThrows(ResourceDoesNotExistException.class, () -> vs.getIndex("main.docs.idx"));
    assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
  }

  @Test
  void longestThreeLevelIndexNameIsSentAsOneSegment() throws Exception {
    String part = "p".repeat(VectorSearchClient.MAX_NAME_PART_LENGTH);
    String name = part + "." + part + "." + part;
    enqueueJson("{'name': '" + name + "'}");
    enqueueJson("{'name': 'main.docs.my idx/2'}");

    assertEquals(name, vs.getIndex(name).name());
    vs.getIndex("main.docs.my idx/2");

    take("GET", "/api/2.0/vector-search/indexes/" + name, null);
    take("GET", "/api/2.0/vector-search/indexes/main.docs.my%20idx%2F2", null);
  }

  @Test
  void endpointNamesAreOneEncodedSegment() throws Exception {
    enqueueJson("{'name': 'a/b c'}");

    vs.getEndpoint("a/b c");

    take("GET", "/api/2.0/vector-search/endpoints/a%2Fb%20c", null);
  }
}
