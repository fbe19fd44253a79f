package dev.kiln.examples.snippets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.emulator.DeltaSyncIndexSpec;
import dev.kiln.emulator.GenieRule;
import dev.kiln.emulator.GenieSpaceSpec;
import dev.kiln.emulator.LocalWorkspace;
import java.io.File;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Runs the README's snippets against a local workspace seeded with what each one reads. */
class ReadmeSnippetsTest {
  static LocalWorkspace ws;

  @BeforeAll
  static void start() {
    ws = LocalWorkspace.builder().genieStepDelay(Duration.ZERO).start();
    ws.sql().execute("CREATE SCHEMA gold;"
        + "CREATE TABLE gold.bir (agency STRING, amount DECIMAL(14,2), year INT);"
        + "INSERT INTO gold.bir VALUES ('DPWH', 41234567.89, 2026), ('DPWH', 1000.11, 2026), ('DOH', 500.00, 2026),"
        + " ('DOH', 999.99, 2025);"
        + "CREATE SCHEMA docs;"
        + "CREATE TABLE docs.en_wiki (id INT, text STRING);"
        + "INSERT INTO docs.en_wiki VALUES (1, 'Databricks Vector Search is a vector database built into Databricks'),"
        + " (2, 'The Philippine peso is the currency of the Philippines'), (3, 'Delta Lake is a storage layer');"
        + "CREATE SCHEMA crm;"
        + "CREATE TABLE crm.opportunities (name STRING, stage STRING, amount DECIMAL(12,2));"
        + "INSERT INTO crm.opportunities VALUES ('Cebu port upgrade', 'open', 900000.00),"
        + " ('Davao schools', 'open', 250000.50), ('Manila clinics', 'won', 1200000.00)");
    ws.addDeltaSyncIndex(DeltaSyncIndexSpec.builder().name("main.docs.en_wiki_index").sourceTable("docs.en_wiki")
        .primaryKey("id").embeddingSourceColumn("text").build());
  }

  @AfterAll
  static void stop() {
    ws.close();
  }

  @Test
  void sql() {
    Map<String, BigDecimal> totals = SqlSnippet.run(ws.client(), ws.defaultWarehouseId());
    assertEquals(new BigDecimal("41235568.00"), totals.get("DPWH"));
    assertEquals(new BigDecimal("500.00"), totals.get("DOH"));
  }

  /**
   * A workspace and client on one test clock that the client's sleeper moves, so warehouse and cluster
   * start-ups pass without waiting.
   */
  private static <T> T onClockedWorkspace(java.util.function.BiFunction<LocalWorkspace, dev.kiln.core.DatabricksClient, T> run) {
    dev.kiln.core.testing.MutableClock clock = new dev.kiln.core.testing.MutableClock();
    try (LocalWorkspace clocked = LocalWorkspace.builder().clock(clock).start();
        dev.kiln.core.DatabricksClient db = dev.kiln.core.DatabricksClient.builder().host(clocked.host())
            .credentials(dev.kiln.core.auth.Credentials.personalAccessToken(clocked.token()))
            .clock(clock).sleeper(new dev.kiln.core.testing.FakeSleeper(clock)).build()) {
      return run.apply(clocked, db);
    }
  }

  @Test
  void warehouses() {
    List<String> result = onClockedWorkspace((clocked, db) -> {
      clocked.sql().execute("CREATE SCHEMA gold; CREATE TABLE gold.bir (agency STRING); INSERT INTO gold.bir VALUES ('DOH')");
      return WarehousesSnippet.run(db, clocked.defaultWarehouseId());
    });
    assertEquals(List.of("SELECT COUNT(*) AS n FROM gold.bir", "RUNNING"), result);
  }

  @Test
  void clusters() {
    List<String> events = onClockedWorkspace((clocked, db) -> ClustersSnippet.run(db));
    assertEquals(List.of("UPSIZE_COMPLETED", "RESIZING", "RUNNING", "CREATING"), events);
  }

  @Test
  void execution() {
    String path = System.getenv("PATH");
    Assumptions.assumeTrue(path != null && Arrays.stream(path.split(File.pathSeparator))
        .anyMatch(dir -> !dir.isEmpty() && Files.isExecutable(Paths.get(dir, "python3"))), "no python3 on the PATH");
    assertEquals(List.of("3", "45"), ExecutionSnippet.run(ws.client(), ws.defaultClusterId()));
  }

  @Test
  void mlflow() {
    assertEquals(List.of("1", "PRODUCTION", "FINISHED"), MlflowSnippet.run(ws.client()));
  }

  @Test
  void serving() {
    List<String> results = ServingSnippet.run(ws.client());
    assertEquals(52500.0, Double.parseDouble(results.get(0)), 1e-9);
    assertEquals("Hello", results.get(1));
    assertEquals("Hello", results.get(2));
  }

  @Test
  void catalog() {
    ws.sql().execute("CREATE SCHEMA main.`bir-2026`; CREATE TABLE main.`bir-2026`.withholding"
        + " (agency STRING, amount DECIMAL(14,2))");
    assertEquals(List.of("agency string", "amount decimal(14,2)", "erp-integration-sp [USE_CATALOG, USE_SCHEMA, SELECT]"),
        CatalogSnippet.run(ws.client()));
  }

  @Test
  void opentelemetry() {
    io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter spans =
        io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter.create();
    List<String> names = new ArrayList<>();
    try (io.opentelemetry.sdk.OpenTelemetrySdk otel = io.opentelemetry.sdk.OpenTelemetrySdk.builder()
        .setTracerProvider(io.opentelemetry.sdk.trace.SdkTracerProvider.builder()
            .addSpanProcessor(io.opentelemetry.sdk.trace.export.SimpleSpanProcessor.create(spans)).build())
        .build()) {
      assertEquals(4, OpenTelemetrySnippet.run(otel, ws.host(), ws.token(), ws.defaultWarehouseId()));
      otel.getSdkTracerProvider().forceFlush().join(10, java.util.concurrent.TimeUnit.SECONDS);
      spans.getFinishedSpanItems().forEach(s -> names.add(s.getName()));
    }
    assertTrue(names.contains("POST /api/2.0/sql/statements/"), names.toString());
    assertTrue(names.contains("Kiln statement"), names.toString());
  }

  @Test
  void vectorSearch() {
    List<String> texts = VectorSearchSnippet.run(ws.client());
    assertEquals(3, texts.size());
    assertTrue(texts.get(0).startsWith("Databricks Vector Search"), texts.toString());
  }

  @Test
  void genie() {
    String spaceId = ws.addGenieSpace(GenieSpaceSpec.builder()
        .title("Sales")
        .addRules(GenieRule.builder()
            .addKeywords("open", "opportunities")
            .sql("SELECT name, amount FROM crm.opportunities WHERE stage = 'open' ORDER BY amount DESC")
            .answer("These are the biggest open opportunities.")
            .build())
        .build());
    List<String> answer = GenieSnippet.run(ws.client(), spaceId);
    assertEquals("These are the biggest open opportunities.", answer.get(0));
    assertTrue(answer.get(1).startsWith("SELECT name, amount FROM crm.opportunities"), answer.get(1));
    assertEquals(List.of("Cebu port upgrade 900000.00", "Davao schools 250000.50"), answer.subList(2, answer.size()));
  }

  @Test
  void files() throws Exception {
    byte[] big = new byte[(1 << 20) * 2 + 5];
    List<String> out = FilesSnippet.run(ws.client(),
        new java.io.ByteArrayInputStream("agency,rate\nBIR,0.02\n".getBytes(StandardCharsets.UTF_8)),
        new java.io.ByteArrayInputStream(big), "# Databricks notebook source\nprint(1)\n".getBytes(StandardCharsets.UTF_8));
    assertEquals(List.of("agency,rate\nBIR,0.02\n", String.valueOf(big.length),
        "/Users/etl@bir.gov.ph/month-end DIRECTORY", "/Users/etl@bir.gov.ph/month-end/bronze NOTEBOOK"), out);
  }

  @Test
  void jobs() {
    ws.addNotebook("/Shared/bir/bronze_ingestion", "PYTHON",
        "month = dbutils.widgets.get('month')\ndbutils.notebook.exit('ingested ' + month)");
    ws.addNotebook("/Shared/bir/month_end_report", "SQL", "SELECT 'report for ' || :month");
    List<String> results = JobsSnippet.run(ws.client());
    assertEquals("report for 2026-02", results.get(1));
    assertTrue(results.get(0).equals("ingested 2026-02") || !python(), results.toString());
  }

  private static boolean python() {
    String path = System.getenv("PATH");
    return path != null && java.util.Arrays.stream(path.split(java.io.File.pathSeparator))
        .anyMatch(dir -> !dir.isEmpty() && Files.isExecutable(Paths.get(dir, "python3")));
  }

  @Test
  void emulator() {
    assertEquals(List.of(100L, 990L), EmulatorSnippet.run());
  }

  /** The README's snippets, in the order README.md shows them. */
  private static final List<String> ORDER = List.of("core", "sql", "warehouses", "execution", "clusters", "serving",
      "vectorsearch", "genie", "mlflow", "files", "catalog", "jobs", "opentelemetry", "emulator", "emulator-junit");

  private static final Pattern MARKED = Pattern.compile("// snippet:([a-z-]+)\\n(.*?)// end-snippet", Pattern.DOTALL);

  /** One snippet: the imports of its file and the marked code, both as README.md must show them. */
  private static final class Snippet {
    final String name;
    final Path source;
    final String imports;
    final String code;

    Snippet(String name, Path source, String imports, String code) {
      this.name = name;
      this.source = source;
      this.imports = imports;
      this.code = code;
    }

    /** The README block: imports, a blank line, the code. */
    String block() {
      return "```java\n" + imports + "\n" + code + "```";
    }
  }

  /** Every marked snippet of this package (main and test sources); each file holds at most one. */
  private static List<Snippet> snippets() throws IOException {
    List<Snippet> out = new ArrayList<>();
    for (Path dir : List.of(Paths.get("src/main/java/dev/kiln/examples/snippets"),
        Paths.get("src/test/java/dev/kiln/examples/snippets"))) {
      List<Path> files;
      try (Stream<Path> listing = Files.list(dir)) {
        files = listing.filter(f -> f.toString().endsWith(".java")).sorted().collect(Collectors.toList());
      }
      for (Path file : files) {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        Matcher m = MARKED.matcher(text);
        if (!m.find()) {
          continue;
        }
        String name = m.group(1);
        String body = m.group(2);
        assertFalse(m.find(), file + " holds two snippets: one per file, as a file's imports are its snippet's");
        assertFalse(body.contains("// snippet:"), "nested snippet in " + name);
        assertEquals(count(body, '{'), count(body, '}'), "unbalanced braces in snippet " + name);
        assertEquals(count(body, '('), count(body, ')'), "unbalanced parentheses in snippet " + name);
        List<String> lines = List.of(text.split("\n", -1));
        int first = -1;
        int last = -1;
        for (int i = 0; i < lines.size(); i++) {
          if (lines.get(i).startsWith("import ")) {
            first = first < 0 ? i : first;
            last = i;
          }
        }
        String imports = first < 0 ? "" : String.join("\n", lines.subList(first, last + 1)) + "\n";
        out.add(new Snippet(name, file, imports, dedent(body)));
      }
    }
    return out;
  }

  /** Every snippet is delimited well (one per file, closed, not nested, balanced); names are unique and known. */
  @Test
  void snippetMarkersAreWellFormed() throws IOException {
    List<String> names = snippets().stream().map(s -> s.name).sorted().collect(Collectors.toList());
    assertEquals(ORDER.stream().sorted().collect(Collectors.toList()), names);
  }

  /**
   * A snippet's file imports exactly what the snippet uses (types used only around it are written in full), so the
   * imports README.md shows are the ones a reader needs: javac proves none is missing, this that none is extra.
   */
  @Test
  void eachSnippetImportsExactlyWhatItUses() throws IOException {
    for (Snippet s : snippets()) {
      assertFalse(s.imports.isEmpty(), "snippet " + s.name + " shows no imports");
      String code = s.code.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"").replaceAll("//[^\n]*", "");
      for (String line : s.imports.split("\n")) {
        if (line.isBlank()) {
          continue;
        }
        String imported = line.replaceAll("^import (static )?", "").replace(";", "");
        String simpleName = imported.substring(imported.lastIndexOf('.') + 1);
        assertTrue(Pattern.compile("(?<![\\w.])" + Pattern.quote(simpleName) + "\\b").matcher(code).find(),
            s.source + " imports " + imported + ", which its snippet " + s.name + " does not use");
      }
    }
  }

  /**
   * README.md shows every snippet exactly as compiled here, imports first, in {@link #ORDER}; and every Java block
   * of the README is one of them, so none can drift from the API or miss an import.
   */
  @Test
  void readmeShowsEverySnippetVerbatimWithItsImports() throws IOException {
    String readme = Files.readString(Paths.get("../README.md"), StandardCharsets.UTF_8);
    Map<String, Snippet> byName = new java.util.HashMap<>();
    snippets().forEach(s -> byName.put(s.name, s));
    int from = 0;
    for (String name : ORDER) {
      String block = byName.get(name).block();
      int at = readme.indexOf(block);
      assertTrue(at >= 0, "README.md lacks snippet " + name + " as compiled:\n" + block);
      assertTrue(at >= from, "README.md shows snippet " + name + " out of order " + ORDER);
      from = at + block.length();
    }
    long javaBlocks = Pattern.compile("^```java$", Pattern.MULTILINE).matcher(readme).results().count();
    assertEquals(ORDER.size(), javaBlocks, "README.md has a Java block that is not a compiled snippet");
  }

  /** Every Kiln call of the "Coming from the official SDK" table is compiled, verbatim, in {@code OfficialSdkMapping}. */
  @Test
  void theOfficialSdkTableShowsCompiledKilnCalls() throws IOException {
    String readme = Files.readString(Paths.get("../README.md"), StandardCharsets.UTF_8);
    int start = readme.indexOf("\n## Coming from the official SDK\n");
    assertTrue(start >= 0, "README.md has no 'Coming from the official SDK' section");
    int end = readme.indexOf("\n## ", start + 1);
    String compiled = Files.readString(Paths.get("src/test/java/dev/kiln/examples/snippets/OfficialSdkMapping.java"),
        StandardCharsets.UTF_8).replaceAll("\\s+", " ");
    int rows = 0;
    for (String line : readme.substring(start, end).split("\n")) {
      if (!line.startsWith("| `")) {
        continue; // prose, the header, the separator
      }
      Matcher code = Pattern.compile("`([^`]+)`").matcher(line.split(" \\| ")[1]);
      while (code.find()) {
        String kiln = code.group(1);
        assertTrue(kiln.startsWith("dev.kiln.") || compiled.contains(kiln),
            "the official SDK table shows `" + kiln + "`, which OfficialSdkMapping does not compile");
      }
      rows++;
    }
    assertTrue(rows >= 8, "the official SDK table has " + rows + " rows");
  }

  private static String dedent(String block) {
    List<String> lines = List.of(block.split("\n", -1));
    int indent = lines.stream().filter(l -> !l.isBlank())
        .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
    StringBuilder out = new StringBuilder();
    for (String line : lines.subList(0, lines.size() - 1)) { // the text ends with a newline
      out.append(line.isBlank() ? "" : line.substring(indent)).append('\n');
    }
    return out.toString();
  }

  private static long count(String s, char c) {
    return s.chars().filter(ch -> ch == c).count();
  }
}
