package dev.kiln.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.core.error.InvalidParameterValueException;
import dev.kiln.emulator.LocalWorkspace;
import dev.kiln.vectorsearch.VectorIndexHandle;
import dev.kiln.vectorsearch.VectorSearchClient;
import dev.kiln.vectorsearch.VectorSearchOptions;
import dev.kiln.vectorsearch.model.EmbeddingSource;
import dev.kiln.vectorsearch.model.EndpointType;
import dev.kiln.vectorsearch.model.IndexState;
import dev.kiln.vectorsearch.model.NewVectorIndex;
import dev.kiln.vectorsearch.model.QueryType;
import dev.kiln.vectorsearch.model.VectorIndex;
import dev.kiln.vectorsearch.model.VectorMatch;
import dev.kiln.vectorsearch.model.VectorQuery;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** VectorSearchClient and {@code kiln vs create-index|sync} against the emulator: create → ready → query. */
class VectorSearchEndToEndTest {
  static final String MODEL = "databricks-bge-large-en";

  @TempDir
  static Path home;

  static LocalWorkspace ws;
  static VectorSearchClient vs;
  static Cli kiln;

  @BeforeAll
  static void start() {
    ws = LocalWorkspace.builder().vectorSearchProvisioningTime(Duration.ofMillis(300)).start();
    ws.sql().execute("CREATE SCHEMA IF NOT EXISTS docs; CREATE TABLE docs.fruit AS SELECT * FROM (VALUES (1, 'red apple pie', 4.0),"
        + " (2, 'green apple', 2.0), (3, 'banana bread', 3.0)) AS t(id, title, price)");
    vs = VectorSearchClient.create(ws.client(), VectorSearchOptions.builder()
        .pollInitialDelay(Duration.ofMillis(100)).pollMaxDelay(Duration.ofMillis(200)).build());
    kiln = Cli.against(ws, home);
  }

  @AfterAll
  static void stop() {
    ws.close();
  }

  private static NewVectorIndex fruitIndex(String name, String endpoint) {
    return NewVectorIndex.builder().name(name).endpointName(endpoint).primaryKey("id")
        .sourceTable("docs.fruit").addEmbeddingSources(EmbeddingSource.of("title", Optional.of(MODEL))).build();
  }

  private static List<Long> ids(List<VectorMatch> matches) {
    return matches.stream().map(m -> ((Number) m.getObject("id")).longValue()).collect(Collectors.toList());
  }

  @Test
  void aStorageOptimizedIndexIsCreatedAwaitedAndFilteredWithTheStringSyntax() {
    vs.createEndpoint("so-endpoint", EndpointType.STORAGE_OPTIMIZED);
    VectorIndexHandle handle = vs.createIndex(fruitIndex("main.docs.fruit_so", "so-endpoint"));

    VectorIndex ready = handle.await(Duration.ofSeconds(20));

    assertTrue(ready.isReady());
    assertTrue(IndexState.isOnline(handle.rawStatus().orElseThrow()), handle.toString());
    VectorQuery.Builder apples = VectorQuery.builder().addColumns("id", "title").queryText("apple");
    // a map filter is translated to the endpoint's string syntax; a string is sent as is
    assertEquals(List.of(2L), ids(vs.query("main.docs.fruit_so", apples.filters(Map.of("price <", 3)).build()).matches()));
    assertEquals(List.of(1L), ids(vs.query("main.docs.fruit_so",
        VectorQuery.builder().addColumns("id").queryText("apple").filterString("price >= 3.5").build()).matches()));
  }

  @Test
  void fullTextFindsKeywordsOnAStandardEndpoint() {
    vs.createIndex(fruitIndex("main.docs.fruit_std", ws.defaultVectorSearchEndpoint())).await(Duration.ofSeconds(20));

    List<Long> hits = ids(vs.query("main.docs.fruit_std", VectorQuery.builder().addColumns("id")
        .queryText("bread").queryType(QueryType.FULL_TEXT).build()).matches());

    assertEquals(List.of(3L), hits);
    assertThrows(InvalidParameterValueException.class, () -> vs.query("main.docs.fruit_std",
        VectorQuery.builder().addColumns("id").queryText("x").filterString("price < 3")
            .endpointType(EndpointType.STORAGE_OPTIMIZED).build()),
        "the server refuses the string syntax on a STANDARD endpoint when the caller claims otherwise");
  }

  @Test
  void theCliCreatesAndSyncsAnIndex() {
    Cli.Result created = kiln.run("vs", "create-index", "main.docs.fruit_cli", "--endpoint",
        ws.defaultVectorSearchEndpoint(), "--primary-key", "id", "--source-table", "docs.fruit",
        "--embedding-source", "title", "--embedding-model", MODEL, "--no-wait");
    assertEquals(0, created.exitCode, created.toString());
    assertTrue(created.out.contains("main.docs.fruit_cli"), created.out);

    vs.handle("main.docs.fruit_cli").await(Duration.ofSeconds(20));
    Cli.Result synced = kiln.run("vs", "sync", "main.docs.fruit_cli");
    assertEquals(0, synced.exitCode, synced.toString());
    assertTrue(synced.out.contains("3"), synced.out);
    Cli.Result filtered = kiln.run("vs", "query", "main.docs.fruit_cli", "--text", "apple", "--columns", "id",
        "--filter-string", "price < 3");
    assertTrue(filtered.exitCode != 0 && filtered.err.contains("STANDARD"), filtered.toString());
  }
}
