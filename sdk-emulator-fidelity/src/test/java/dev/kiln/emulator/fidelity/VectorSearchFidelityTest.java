package dev.kiln.emulator.fidelity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.core.error.platform.InvalidParameterValue;
import com.databricks.sdk.core.error.platform.NotFound;
import com.databricks.sdk.service.vectorsearch.ColumnInfo;
import com.databricks.sdk.service.vectorsearch.CreateEndpoint;
import com.databricks.sdk.service.vectorsearch.CreateVectorIndexRequest;
import com.databricks.sdk.service.vectorsearch.DirectAccessVectorIndexSpec;
import com.databricks.sdk.service.vectorsearch.EmbeddingVectorColumn;
import com.databricks.sdk.service.vectorsearch.SyncIndexRequest;
import com.databricks.sdk.service.vectorsearch.DeleteDataStatus;
import com.databricks.sdk.service.vectorsearch.DeleteDataVectorIndexRequest;
import com.databricks.sdk.service.vectorsearch.DeleteDataVectorIndexResponse;
import com.databricks.sdk.service.vectorsearch.EndpointInfo;
import com.databricks.sdk.service.vectorsearch.EndpointStatusState;
import com.databricks.sdk.service.vectorsearch.EndpointType;
import com.databricks.sdk.service.vectorsearch.ListEndpointsRequest;
import com.databricks.sdk.service.vectorsearch.MapStringValueEntry;
import com.databricks.sdk.service.vectorsearch.MiniVectorIndex;
import com.databricks.sdk.service.vectorsearch.QueryVectorIndexNextPageRequest;
import com.databricks.sdk.service.vectorsearch.QueryVectorIndexRequest;
import com.databricks.sdk.service.vectorsearch.QueryVectorIndexResponse;
import com.databricks.sdk.service.vectorsearch.ScanVectorIndexRequest;
import com.databricks.sdk.service.vectorsearch.ScanVectorIndexResponse;
import com.databricks.sdk.service.vectorsearch.Struct;
import com.databricks.sdk.service.vectorsearch.UpsertDataStatus;
import com.databricks.sdk.service.vectorsearch.UpsertDataVectorIndexRequest;
import com.databricks.sdk.service.vectorsearch.UpsertDataVectorIndexResponse;
import com.databricks.sdk.service.vectorsearch.Value;
import com.databricks.sdk.service.vectorsearch.VectorIndex;
import com.databricks.sdk.service.vectorsearch.VectorIndexType;
import dev.kiln.emulator.DeltaSyncIndexSpec;
import dev.kiln.emulator.DirectAccessIndexSpec;
import dev.kiln.emulator.LocalWorkspace;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Vector Search through {@code VectorSearchEndpointsAPI} and {@code VectorSearchIndexesAPI}. */
class VectorSearchFidelityTest {
  private static final String PRODUCTS = "main.shop.products";
  private static final String RULINGS = "main.bir.rulings_index";

  static LocalWorkspace ws;
  static WorkspaceClient w;

  @BeforeAll
  static void start() {
    // indexes created over the API serve at once here: the official SDK's createIndex does not wait for ONLINE
    ws = LocalWorkspace.builder().vectorSearchPageSize(2).vectorSearchProvisioningTime(java.time.Duration.ZERO).start();
    w = OfficialSdk.client(ws);
    ws.addVectorSearchEndpoint("docs-endpoint");
    ws.sql().execute("CREATE TABLE bir_rulings (id INTEGER, ruling VARCHAR, year INTEGER);"
        + "INSERT INTO bir_rulings VALUES"
        + " (1, 'Withholding tax on compensation is due on the tenth day of the following month', 2023),"
        + " (2, 'VAT registration threshold for small businesses', 2022),"
        + " (3, 'Documentary stamp tax on loan agreements', 2023),"
        + " (4, 'Estate tax amnesty extended', 2021),"
        + " (5, 'Withholding tax on rentals', 2021)");
    ws.addDeltaSyncIndex(DeltaSyncIndexSpec.builder()
        .name(RULINGS).sourceTable("bir_rulings").primaryKey("id").embeddingSourceColumn("ruling").build());
  }

  @AfterAll
  static void stop() {
    ws.close();
  }

  /** Six products in three directions of a 3-d space, upserted through the SDK into a fresh direct-access index. */
  private static void seedProducts() {
    ws.addDirectAccessIndex(DirectAccessIndexSpec.builder()
        .name(PRODUCTS).primaryKey("id").embeddingVectorColumn("embedding").embeddingDimension(3)
        .putSchema("id", "long").putSchema("title", "string").putSchema("category", "string")
        .putSchema("price", "double").putSchema("embedding", "array<float>")
        .build());
    String rows = "["
        + row(1, "red apple", "fruit", 1.5, "1, 0, 0") + ","
        + row(2, "green apple", "fruit", 2.0, "0.9, 0.1, 0") + ","
        + row(3, "banana", "fruit", 0.5, "0.5, 0.5, 0") + ","
        + row(4, "red wine", "drink", 12.0, "0, 1, 0") + ","
        + row(5, "water", "drink", 1.0, "0, 0.2, 1") + ","
        + row(6, "bread", "bakery", 3.0, "0, 0, 1") + "]";
    UpsertDataVectorIndexResponse upserted = w.vectorSearchIndexes()
        .upsertDataVectorIndex(new UpsertDataVectorIndexRequest().setIndexName(PRODUCTS).setInputsJson(rows));
    assertEquals(UpsertDataStatus.SUCCESS, upserted.getStatus());
    assertEquals(6L, upserted.getResult().getSuccessRowCount());
  }

  private static String row(long id, String title, String category, double price, String vector) {
    return String.format("{\"id\": %d, \"title\": \"%s\", \"category\": \"%s\", \"price\": %s, \"embedding\": [%s]}",
        id, title, category, price, vector);
  }

  private static QueryVectorIndexRequest products(double... vector) {
    List<Double> v = new ArrayList<>();
    for (double d : vector) {
      v.add(d);
    }
    return new QueryVectorIndexRequest().setIndexName(PRODUCTS).setColumns(List.of("id", "title")).setQueryVector(v);
  }

  private static List<List<String>> rows(QueryVectorIndexResponse response) {
    Collection<Collection<String>> data = response.getResult().getDataArray();
    return data == null ? List.of() : data.stream().map(ArrayList::new).collect(Collectors.toList());
  }

  private static List<Long> ids(List<List<String>> rows) {
    return rows.stream().map(r -> (long) Double.parseDouble(r.get(0))).collect(Collectors.toList());
  }

  @Test
  void endpointsAreListedOnline() {
    List<EndpointInfo> endpoints = new ArrayList<>();
    w.vectorSearchEndpoints().listEndpoints(new ListEndpointsRequest()).forEach(endpoints::add);
    List<String> names = endpoints.stream().map(EndpointInfo::getName).collect(Collectors.toList());
    assertTrue(names.contains(ws.defaultVectorSearchEndpoint()), names.toString());
    assertTrue(names.contains("docs-endpoint"), names.toString());
    for (EndpointInfo endpoint : endpoints) {
      assertEquals(EndpointStatusState.ONLINE, endpoint.getEndpointStatus().getState());
      assertEquals(EndpointType.STANDARD, endpoint.getEndpointType());
    }
    EndpointInfo one = w.vectorSearchEndpoints().getEndpoint("docs-endpoint");
    assertEquals("docs-endpoint", one.getName());
    assertThrows(NotFound.class, () -> w.vectorSearchEndpoints().getEndpoint("no-such-endpoint"));
  }

  @Test
  void endpointsAndIndexesAreCreatedAndDeletedThroughTheSdk() throws Exception {
    EndpointInfo online = w.vectorSearchEndpoints()
        .createEndpoint(new CreateEndpoint().setName("created-endpoint").setEndpointType(EndpointType.STANDARD))
        .get(java.time.Duration.ofSeconds(20));
    assertEquals(EndpointStatusState.ONLINE, online.getEndpointStatus().getState());

    VectorIndex created = w.vectorSearchIndexes().createIndex(new CreateVectorIndexRequest()
        .setName("main.shop.created").setEndpointName("created-endpoint").setPrimaryKey("id")
        .setIndexType(VectorIndexType.DIRECT_ACCESS)
        .setDirectAccessIndexSpec(new DirectAccessVectorIndexSpec()
            .setEmbeddingVectorColumns(List.of(new EmbeddingVectorColumn().setName("v").setEmbeddingDimension(2L)))
            .setSchemaJson("{\"id\": \"long\", \"v\": \"array<float>\"}")));
    assertEquals("main.shop.created", created.getName());
    assertEquals(VectorIndexType.DIRECT_ACCESS, created.getIndexType());
    assertEquals("created-endpoint", created.getEndpointName());

    UpsertDataVectorIndexResponse upserted = w.vectorSearchIndexes().upsertDataVectorIndex(new UpsertDataVectorIndexRequest()
        .setIndexName("main.shop.created").setInputsJson("[{\"id\": 1, \"v\": [0.6, 0.8]}]"));
    assertEquals(UpsertDataStatus.SUCCESS, upserted.getStatus());
    QueryVectorIndexResponse hit = w.vectorSearchIndexes().queryIndex(new QueryVectorIndexRequest()
        .setIndexName("main.shop.created").setColumns(List.of("id")).setQueryVector(List.of(0.6, 0.8)));
    assertEquals(List.of(1L), ids(rows(hit)));

    w.vectorSearchIndexes().deleteIndex("main.shop.created");
    assertThrows(NotFound.class, () -> w.vectorSearchIndexes().getIndex("main.shop.created"));
  }

  @Test
  void endpointsAreDeletedThroughTheSdk() throws Exception {
    w.vectorSearchEndpoints().createEndpoint(new CreateEndpoint().setName("doomed-endpoint")
        .setEndpointType(EndpointType.STANDARD)).get(java.time.Duration.ofSeconds(20));
    w.vectorSearchEndpoints().deleteEndpoint("doomed-endpoint");
    assertThrows(NotFound.class, () -> w.vectorSearchEndpoints().getEndpoint("doomed-endpoint"));
  }

  @Test
  void syncIndexRereadsTheSourceTable() {
    ws.sql().execute("CREATE TABLE notes (id INTEGER, body VARCHAR); INSERT INTO notes VALUES (1, 'first note')");
    ws.addDeltaSyncIndex(DeltaSyncIndexSpec.builder()
        .name("main.bir.notes_index").sourceTable("notes").primaryKey("id").embeddingSourceColumn("body").build());
    assertEquals(1L, w.vectorSearchIndexes().getIndex("main.bir.notes_index").getStatus().getIndexedRowCount());
    ws.sql().execute("INSERT INTO notes VALUES (2, 'second note')");

    w.vectorSearchIndexes().syncIndex(new SyncIndexRequest().setIndexName("main.bir.notes_index"));

    assertEquals(2L, w.vectorSearchIndexes().getIndex("main.bir.notes_index").getStatus().getIndexedRowCount());
  }

  @Test
  void indexesAreListedAndDescribed() {
    seedProducts();
    List<String> names = new ArrayList<>();
    w.vectorSearchIndexes().listIndexes(ws.defaultVectorSearchEndpoint()).forEach(i -> names.add(i.getName()));
    assertTrue(names.containsAll(List.of(PRODUCTS, RULINGS)), names.toString());
    MiniVectorIndex mini = null;
    for (MiniVectorIndex i : w.vectorSearchIndexes().listIndexes(ws.defaultVectorSearchEndpoint())) {
      if (i.getName().equals(PRODUCTS)) {
        mini = i;
      }
    }
    assertNotNull(mini);
    assertEquals(VectorIndexType.DIRECT_ACCESS, mini.getIndexType());
    assertEquals("id", mini.getPrimaryKey());

    VectorIndex products = w.vectorSearchIndexes().getIndex(PRODUCTS);
    assertEquals(VectorIndexType.DIRECT_ACCESS, products.getIndexType());
    assertEquals(ws.defaultVectorSearchEndpoint(), products.getEndpointName());
    assertTrue(products.getStatus().getReady());
    assertEquals(6L, products.getStatus().getIndexedRowCount());
    assertEquals("embedding", products.getDirectAccessIndexSpec().getEmbeddingVectorColumns().iterator().next().getName());
    assertEquals(3L, products.getDirectAccessIndexSpec().getEmbeddingVectorColumns().iterator().next().getEmbeddingDimension());

    VectorIndex rulings = w.vectorSearchIndexes().getIndex(RULINGS);
    assertEquals(VectorIndexType.DELTA_SYNC, rulings.getIndexType());
    assertEquals("bir_rulings", rulings.getDeltaSyncIndexSpec().getSourceTable());
    assertEquals("databricks-bge-large-en",
        rulings.getDeltaSyncIndexSpec().getEmbeddingSourceColumns().iterator().next().getEmbeddingModelEndpointName());
    assertThrows(NotFound.class, () -> w.vectorSearchIndexes().getIndex("main.shop.nope"));
  }

  @Test
  void queryVectorRanksByCosineWithTheScoreLast() {
    seedProducts();
    QueryVectorIndexResponse reply = w.vectorSearchIndexes().queryIndex(products(1, 0, 0).setNumResults(2L));

    assertEquals(3L, reply.getManifest().getColumnCount());
    assertEquals(List.of("id", "title", "score"),
        reply.getManifest().getColumns().stream().map(ColumnInfo::getName).collect(Collectors.toList()));
    assertEquals(2L, reply.getResult().getRowCount());
    List<List<String>> rows = rows(reply);
    assertEquals(List.of(1L, 2L), ids(rows));
    assertEquals("red apple", rows.get(0).get(1));
    assertEquals(1.0, Double.parseDouble(rows.get(0).get(2)), 1e-6);
    assertTrue(Double.parseDouble(rows.get(1).get(2)) < 1.0);
  }

  @Test
  void queryTextWithFiltersJsonSearchesADeltaSyncIndex() {
    QueryVectorIndexResponse answer = w.vectorSearchIndexes().queryIndex(new QueryVectorIndexRequest()
        .setIndexName(RULINGS)
        .setColumns(List.of("id", "ruling", "year"))
        .setQueryText("when is withholding tax on compensation due")
        .setNumResults(1L));
    assertEquals(List.of(1L), ids(rows(answer)));
    assertEquals("2023", rows(answer).get(0).get(2));

    QueryVectorIndexResponse filtered = w.vectorSearchIndexes().queryIndex(new QueryVectorIndexRequest()
        .setIndexName(RULINGS)
        .setColumns(List.of("id", "ruling", "year"))
        .setQueryText("withholding tax")
        .setFiltersJson("{\"year <\": 2023}")
        .setNumResults(1L));
    List<List<String>> rows = rows(filtered);
    assertEquals(List.of(5L), ids(rows), "the best withholding-tax ruling before 2023");

    QueryVectorIndexResponse hybrid = w.vectorSearchIndexes().queryIndex(new QueryVectorIndexRequest()
        .setIndexName(RULINGS).setColumns(List.of("id")).setQueryText("estate tax amnesty")
        .setQueryType("HYBRID").setNumResults(1L));
    assertEquals(List.of(4L), ids(rows(hybrid)));
  }

  @Test
  void filtersJsonOperatorsSelectRows() {
    seedProducts();
    assertEquals(List.of(1L, 2L, 3L), filtered("{\"category\": \"fruit\"}"));
    assertEquals(List.of(4L, 6L), filtered("{\"id\": [4, 6]}"));
    assertEquals(List.of(3L, 5L), filtered("{\"price <\": 1.5}"));
    assertEquals(List.of(4L, 6L), filtered("{\"price >=\": 3}"));
    assertEquals(List.of(4L, 5L, 6L), filtered("{\"category NOT\": \"fruit\"}"));

    assertThrows(InvalidParameterValue.class,
        () -> w.vectorSearchIndexes().queryIndex(products(1, 0, 0).setFiltersJson("{\"colour\": 1}")));
  }

  /** Ids of every row passing the filter, over all pages, in primary-key order. */
  private static List<Long> filtered(String filtersJson) {
    // a zero query vector scores every row 0.5, so the stable sort keeps primary-key order
    QueryVectorIndexResponse page =
        w.vectorSearchIndexes().queryIndex(products(0, 0, 0).setNumResults(100L).setFiltersJson(filtersJson));
    List<List<String>> rows = new ArrayList<>(rows(page));
    while (page.getNextPageToken() != null && !page.getNextPageToken().isEmpty()) {
      page = w.vectorSearchIndexes().queryNextPage(new QueryVectorIndexNextPageRequest()
          .setIndexName(PRODUCTS).setEndpointName(ws.defaultVectorSearchEndpoint()).setPageToken(page.getNextPageToken()));
      rows.addAll(rows(page));
    }
    return ids(rows);
  }

  @Test
  void scoreThresholdAndPagingWithQueryNextPage() {
    seedProducts();
    QueryVectorIndexResponse first = w.vectorSearchIndexes().queryIndex(products(1, 0, 0).setNumResults(5L));
    assertEquals(2L, first.getResult().getRowCount(), "pages of vectorSearchPageSize(2)");
    assertNotNull(first.getNextPageToken());
    List<List<String>> all = new ArrayList<>(rows(first));
    String token = first.getNextPageToken();
    int pages = 1;
    while (token != null && !token.isEmpty()) {
      QueryVectorIndexResponse next = w.vectorSearchIndexes().queryNextPage(new QueryVectorIndexNextPageRequest()
          .setIndexName(PRODUCTS).setEndpointName(ws.defaultVectorSearchEndpoint()).setPageToken(token));
      assertEquals(3L, next.getManifest().getColumnCount());
      all.addAll(rows(next));
      token = next.getNextPageToken();
      pages++;
    }
    assertEquals(3, pages);
    assertEquals(5, all.size());
    for (int i = 1; i < all.size(); i++) {
      assertTrue(Double.parseDouble(all.get(i - 1).get(2)) >= Double.parseDouble(all.get(i).get(2)));
    }

    QueryVectorIndexResponse strong =
        w.vectorSearchIndexes().queryIndex(products(1, 0, 0).setNumResults(2L).setScoreThreshold(0.8));
    rows(strong).forEach(r -> assertTrue(Double.parseDouble(r.get(2)) >= 0.8));
  }

  @Test
  void scanWalksEveryRowInPrimaryKeyOrder() {
    seedProducts();
    List<Long> ids = new ArrayList<>();
    String last = null;
    while (true) {
      ScanVectorIndexResponse page = w.vectorSearchIndexes().scanIndex(
          new ScanVectorIndexRequest().setIndexName(PRODUCTS).setNumResults(4L).setLastPrimaryKey(last));
      if (page.getData() == null || page.getData().isEmpty()) {
        break;
      }
      for (Struct row : page.getData()) {
        Map<String, Value> fields = new HashMap<>();
        for (MapStringValueEntry field : row.getFields()) {
          fields.put(field.getKey(), field.getValue());
        }
        ids.add(fields.get("id").getNumberValue().longValue());
        assertNotNull(fields.get("title").getStringValue());
        assertEquals(3, fields.get("embedding").getListValue().getValues().size());
        assertNotNull(fields.get("embedding").getListValue().getValues().iterator().next().getNumberValue());
      }
      last = page.getLastPrimaryKey();
      assertNotNull(last);
    }
    assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L), ids);
  }

  @Test
  void upsertReportsBadRowsAndDeleteRemovesRows() {
    seedProducts();
    String rows = "[" + row(7, "cheese", "dairy", 5.0, "0, 1, 1") + ","
        + row(8, "milk", "dairy", 1.2, "0, 1") + "]"; // 8 has the wrong dimension
    UpsertDataVectorIndexResponse partial = w.vectorSearchIndexes()
        .upsertDataVectorIndex(new UpsertDataVectorIndexRequest().setIndexName(PRODUCTS).setInputsJson(rows));
    assertEquals(UpsertDataStatus.PARTIAL_SUCCESS, partial.getStatus());
    assertEquals(1L, partial.getResult().getSuccessRowCount());
    assertEquals(List.of("8"), new ArrayList<>(partial.getResult().getFailedPrimaryKeys()));
    assertEquals(7L, w.vectorSearchIndexes().getIndex(PRODUCTS).getStatus().getIndexedRowCount());

    DeleteDataVectorIndexResponse deleted = w.vectorSearchIndexes().deleteDataVectorIndex(
        new DeleteDataVectorIndexRequest().setIndexName(PRODUCTS).setPrimaryKeys(List.of("7", "6", "5", "4")));
    assertEquals(DeleteDataStatus.SUCCESS, deleted.getStatus());
    assertEquals(4L, deleted.getResult().getSuccessRowCount());
    assertNull(emptyToNull(deleted.getResult().getFailedPrimaryKeys()));
    assertEquals(3L, w.vectorSearchIndexes().getIndex(PRODUCTS).getStatus().getIndexedRowCount());
    assertEquals(List.of(1L, 2L, 3L), filtered("{}"));
  }

  private static <T> Collection<T> emptyToNull(Collection<T> values) {
    return values == null || values.isEmpty() ? null : values;
  }
}
