package dev.kiln.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kiln.emulator.LocalWorkspace;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every subcommand against one seeded local workspace: output, exit codes and error messages. */
class KilnCliTest {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
  private static final String DPWH_TOTAL = "124433649.00";

  @TempDir
  static Path home;

  static LocalWorkspace ws;
  static TourData.Seeded seeded;
  static Cli kiln;

  @BeforeAll
  static void start() {
    ws = LocalWorkspace.builder().genieStepDelay(Duration.ZERO).start();
    seeded = TourData.seed(ws);
    kiln = Cli.against(ws, home);
  }

  @AfterAll
  static void stop() {
    ws.close();
  }

  private static void assertExit(int expected, Cli.Result r) {
    assertEquals(expected, r.exitCode, r::toString);
  }

  private static JsonNode json(Cli.Result r) throws Exception {
    return JSON.readTree(r.out);
  }

  @Nested
  class Sql {
    @Test
    void printsTypedRowsAsATable() {
      Cli.Result r = kiln.run("sql", "SELECT agency, SUM(amount) AS total FROM bir.withholding "
          + "GROUP BY agency ORDER BY total DESC", "--warehouse", ws.defaultWarehouseId());
      assertExit(0, r);
      List<String> lines = Arrays.asList(r.out.split("\\R"));
      assertTrue(lines.get(0).matches("agency\\s+total"), lines.get(0));
      assertTrue(lines.get(2).matches("DPWH\\s+" + DPWH_TOTAL.replace(".", "\\.")), lines.get(2));
      assertEquals("(5 rows)", lines.get(lines.size() - 1));
    }

    @Test
    void bindsTypedParametersAndPrintsJson() throws Exception {
      Cli.Result r = kiln.run("--output", "json", "sql",
          "SELECT agency, SUM(amount) AS total FROM bir.withholding WHERE year(month) = :year AND agency = :agency "
              + "GROUP BY agency",
          "-w", ws.defaultWarehouseId(), "--param", "year:INT=2026", "--param", "agency=DPWH");
      assertExit(0, r);
      JsonNode rows = json(r);
      assertEquals(1, rows.size());
      assertEquals("DPWH", rows.get(0).get("agency").asText());
      assertEquals(0, new BigDecimal(DPWH_TOTAL).compareTo(rows.get(0).get("total").decimalValue()));
      assertTrue(r.out.contains("\"total\" : " + DPWH_TOTAL), r.out); // exact, scale kept
    }

    @Test
    void printsCsvAndTakesTheWarehouseFromTheEnvironment() {
      Cli.Result r = kiln.withEnv("DATABRICKS_WAREHOUSE_ID", ws.defaultWarehouseId())
          .run("sql", "SELECT 'Department of Health, PH' AS name, 1.50 AS rate", "--output", "csv");
      assertExit(0, r);
      assertEquals("name,rate\n\"Department of Health, PH\",1.50\n", r.out.replace("\r\n", "\n"));
    }

    @Test
    void aFailedStatementExitsWith1AndItsErrorCode() {
      Cli.Result r = kiln.run("sql", "SELECT * FROM bir.no_such_table", "--warehouse", ws.defaultWarehouseId());
      assertExit(1, r);
      assertTrue(r.err.startsWith("kiln: BAD_REQUEST: statement "), r.err);
      assertTrue(r.err.contains("TABLE_OR_VIEW_NOT_FOUND"), r.err);
      assertEquals("", r.out);
      assertTrue(r.err.endsWith("\n") && r.err.split("\\R").length == 1, r.err);
    }

    @Test
    void withoutAWarehouseItIsAUsageError() {
      Cli.Result r = kiln.run("sql", "SELECT 1");
      assertExit(2, r);
      assertTrue(r.err.contains("no SQL warehouse: pass --warehouse ID or set DATABRICKS_WAREHOUSE_ID"), r.err);
      assertTrue(r.err.contains("Try 'kiln sql --help'"), r.err);
    }

    @Test
    void aParameterWithoutAValueIsAUsageError() {
      Cli.Result r = kiln.run("sql", "SELECT :x", "--warehouse", "w", "--param", "x");
      assertExit(2, r);
      assertTrue(r.err.contains("should be in KEY=VALUE format"), r.err);
    }
  }

  @Nested
  class Exec {
    @Test
    void runsPython() {
      assumePython();
      Cli.Result r = kiln.run("exec", "--cluster", ws.defaultClusterId(), "--language", "python",
          "rows = [1, 2, 3]\nprint('sum', sum(rows))");
      assertExit(0, r);
      assertEquals("sum 6\n", r.out);
      assertTrue(r.err.contains("waiting for cluster " + ws.defaultClusterId()), r.err);
    }

    @Test
    void runsSqlWithTheClusterFromTheEnvironmentAndPrintsATable() {
      Cli.Result r = kiln.withEnv("DATABRICKS_CLUSTER_ID", ws.defaultClusterId())
          .run("exec", "-l", "SQL", "SELECT agency, COUNT(*) AS n FROM bir.withholding GROUP BY agency ORDER BY agency LIMIT 2");
      assertExit(0, r);
      assertTrue(r.out.startsWith("agency  n\n------  -\nDICT    6\nDOH     6\n(2 rows)"), r.out);
    }

    @Test
    void aFailingCommandExitsWith1() {
      Cli.Result r = kiln.run("exec", "--cluster", ws.defaultClusterId(), "--language", "sql", "SELECT * FROM nowhere");
      assertExit(1, r);
      assertTrue(r.err.contains("\nkiln: COMMAND_FAILED: AnalysisException: [TABLE_OR_VIEW_NOT_FOUND]"), r.err);
      assertTrue(r.err.contains("TABLE_OR_VIEW_NOT_FOUND"), r.err);
    }

    @Test
    void anUnknownClusterIsAnApiError() {
      Cli.Result r = kiln.run("exec", "--cluster", "0000-000000-missing", "print(1)");
      assertExit(1, r);
      assertTrue(r.err.contains("\nkiln: INVALID_PARAMETER_VALUE: HTTP 400 INVALID_PARAMETER_VALUE: "
          + "Cluster 0000-000000-missing does not exist"), r.err);
    }

    @Test
    void anUnknownLanguageIsAUsageError() {
      Cli.Result r = kiln.run("exec", "--cluster", "c", "--language", "cobol", "x");
      assertExit(2, r);
      assertTrue(r.err.contains("--language"), r.err);
      assertTrue(r.err.contains("PYTHON, SQL, SCALA, R"), r.err);
    }
  }

  @Nested
  class Serving {
    @Test
    void listsTheEndpoints() {
      Cli.Result r = kiln.run("serving", "list");
      assertExit(0, r);
      assertTrue(r.out.startsWith("name "), r.out);
      for (String name : List.of("databricks-llama", "databricks-bge-large-en", "bir-tax-forecaster")) {
        assertTrue(r.out.contains(name), r.out);
      }
      assertTrue(r.out.contains("READY"), r.out);
    }

    @Test
    void getsOneAsJson() throws Exception {
      Cli.Result r = kiln.run("serving", "get", "databricks-llama", "--output", "json");
      assertExit(0, r);
      JsonNode endpoint = json(r);
      assertEquals("databricks-llama", endpoint.get("name").asText());
      assertEquals("llm/v1/chat", endpoint.get("task").asText());
    }

    @Test
    void anUnknownEndpointExitsWith1AndTheServersErrorCode() {
      Cli.Result r = kiln.run("serving", "get", "no-such-endpoint");
      assertExit(1, r);
      assertTrue(r.err.startsWith("kiln: RESOURCE_DOES_NOT_EXIST: HTTP 404"), r.err);
      assertTrue(r.err.contains("no-such-endpoint"), r.err);
    }

    @Test
    void queriesAModel() {
      Cli.Result r = kiln.run("serving", "query", "bir-tax-forecaster",
          "--json", "{\"dataframe_records\": [{\"prev_month_wht\": 50000}, {\"prev_month_wht\": 1000}]}");
      assertExit(0, r);
      assertTrue(r.out.matches("(?s)row\\s+prediction\\n-+\\s+-+\\n\\s*0\\s+52500(\\.0)?\\n\\s*1\\s+1050(\\.0)?\\n\\(2 rows\\)\\n"), r.out);
    }

    @Test
    void aBodyThatIsNotAnInvocationIsAUsageError() {
      Cli.Result bad = kiln.run("serving", "query", "bir-tax-forecaster", "--json", "{not json");
      assertExit(2, bad);
      assertTrue(bad.err.contains("--json is not an invocation body"), bad.err);
      Cli.Result noInput = kiln.run("serving", "query", "bir-tax-forecaster", "--json", "{}");
      assertExit(2, noInput);
      assertTrue(noInput.err.contains("exactly one input form"), noInput.err);
    }

    @Test
    void chats() {
      Cli.Result r = kiln.run("serving", "chat", "databricks-llama", "Mabuhay from the BIR");
      assertExit(0, r);
      assertEquals("Mabuhay from the BIR\n", r.out);
    }

    @Test
    void streamsAChatReply() throws Exception {
      Cli.Result text = kiln.run("serving", "chat", "databricks-llama", "one two three four", "--stream");
      assertExit(0, text);
      assertEquals("one two three four\n", text.out);
      Cli.Result chunks = kiln.run("serving", "chat", "databricks-llama", "one two", "--stream", "--output", "json");
      assertExit(0, chunks);
      List<String> lines = Arrays.asList(chunks.out.trim().split("\\R"));
      assertTrue(lines.size() >= 2, chunks.out);
      assertEquals("one ", JSON.readTree(lines.get(0)).at("/choices/0/delta/content").asText());
    }
  }

  @Nested
  class VectorSearch {
    @Test
    void queriesWithScores() {
      Cli.Result r = kiln.run("vs", "query", seeded.index, "--text", "When is withholding tax on compensation due?",
          "--columns", "id,year", "--num-results", "2");
      assertExit(0, r);
      List<String> lines = Arrays.asList(r.out.split("\\R"));
      assertTrue(lines.get(0).matches("id\\s+year\\s+score"), lines.get(0));
      assertTrue(lines.get(2).matches("\\s*1\\s+2024\\s+0\\.\\d+"), lines.get(2));
      assertEquals("(2 rows)", lines.get(lines.size() - 1));
    }

    @Test
    void filters() throws Exception {
      Cli.Result r = kiln.run("--output", "json", "vs", "query", seeded.index, "--text", "withholding tax",
          "--columns", "id,year", "--filter", "year>=2025");
      assertExit(0, r);
      JsonNode hits = json(r);
      assertEquals(2, hits.size(), r.out);
      for (JsonNode hit : hits) {
        assertTrue(hit.get("year").asInt() >= 2025, r.out);
      }
      Cli.Result anyOf = kiln.run("--output", "csv", "vs", "query", seeded.index, "--text", "withholding tax",
          "--columns", "id", "--filter", "id=2", "--filter", "id=5");
      assertExit(0, anyOf);
      assertTrue(anyOf.out.matches("id,score\\n[25],0\\.\\d+\\n[25],0\\.\\d+\\n"), anyOf.out);
    }

    @Test
    void defaultsTheColumnsToTheKeyAndTheEmbeddedText() throws Exception {
      Cli.Result r = kiln.run("--output", "json", "vs", "query", seeded.index, "--text", "eFPS", "-n", "1");
      assertExit(0, r);
      JsonNode hit = json(r).get(0);
      assertEquals(List.of("id", "note", "score"), iterable(hit.fieldNames()));
      assertEquals(6, hit.get("id").asInt());
    }

    @Test
    void aMalformedFilterIsAUsageError() {
      Cli.Result r = kiln.run("vs", "query", seeded.index, "--text", "tax", "--filter", "year");
      assertExit(2, r);
      assertTrue(r.err.contains("--filter 'year' is not COLUMN[OP]VALUE"), r.err);
    }

    @Test
    void anUnknownIndexIsAnApiError() {
      Cli.Result r = kiln.run("vs", "query", "main.nowhere.index", "--text", "tax", "--columns", "id");
      assertExit(1, r);
      assertTrue(r.err.matches("(?s)kiln: [A-Z_]+: HTTP 404.*"), r.err);
    }
  }

  @Nested
  class Genie {
    @Test
    void answersWithSqlAndRows() {
      Cli.Result r = kiln.run("genie", "ask", seeded.genieSpaceId, TourData.GENIE_QUESTION);
      assertExit(0, r);
      assertTrue(r.out.startsWith("DPWH, DepEd and DOH withheld the most tax in 2026"), r.out);
      assertTrue(r.out.contains("SELECT agency, SUM(amount) AS total_withheld FROM bir.withholding"), r.out);
      assertTrue(r.out.matches("(?s).*\\nDPWH\\s+" + DPWH_TOTAL.replace(".", "\\.") + "\\n.*"), r.out);
      assertTrue(r.out.contains("(3 rows)"), r.out);
      assertTrue(r.out.contains("Follow-ups: How did the monthly totals change?"), r.out);
    }

    @Test
    void answersAsJson() throws Exception {
      Cli.Result r = kiln.run("genie", "ask", seeded.genieSpaceId, "How did the monthly totals change?", "--output", "json");
      assertExit(0, r);
      JsonNode answer = json(r);
      assertEquals("COMPLETED", answer.get("status").asText());
      assertEquals(3, answer.get("rows").size());
      assertEquals("2026-01-01", answer.at("/rows/0/month").asText());
      assertTrue(answer.at("/query/sql").asText().contains("GROUP BY month"));
    }

    @Test
    void anUnknownSpaceIsAnApiError() {
      Cli.Result r = kiln.run("genie", "ask", "00000000000000000000000000000000", "anything");
      assertExit(1, r);
      assertTrue(r.err.matches("(?s)kiln: [A-Z_]+: HTTP 404.*"), r.err);
    }
  }

  @Nested
  class Usage {
    @Test
    void everyCommandHasHelp() {
      for (String command : List.of("", "sql", "exec", "serving", "serving list", "serving get", "serving query",
          "serving chat", "vs", "vs query", "genie", "genie ask", "emulator", "tour")) {
        String[] args = (command + " --help").trim().split(" ");
        Cli.Result r = kiln.run(args);
        assertExit(0, r);
        assertTrue(r.out.startsWith("Usage: kiln" + (command.isEmpty() ? "" : " " + command)), command + ":\n" + r.out);
      }
    }

    @Test
    void anUnknownCommandSuggestsTheRightOne() {
      Cli.Result r = kiln.run("sqll", "SELECT 1");
      assertExit(2, r);
      assertTrue(r.err.contains("Unmatched argument"), r.err);
      assertTrue(r.err.contains("Did you mean: kiln sql?"), r.err);
    }

    @Test
    void aMissingArgumentNamesIt() {
      Cli.Result r = kiln.run("genie", "ask", "space-only");
      assertExit(2, r);
      assertTrue(r.err.contains("Missing required parameter: 'QUESTION'"), r.err);
      assertTrue(r.err.contains("Usage: kiln genie ask"), r.err);
    }

    @Test
    void aMissingSubcommandIsAUsageError() {
      assertExit(2, kiln.run());
      Cli.Result r = kiln.run("serving");
      assertExit(2, r);
      assertTrue(r.err.contains("Missing subcommand: choose one of list, get, query, chat"), r.err);
    }

    @Test
    void anUnknownOutputFormatIsAUsageError() {
      Cli.Result r = kiln.run("--output", "xml", "serving", "list");
      assertExit(2, r);
      assertTrue(r.err.contains("'xml' is not an output format: use table, json or csv"), r.err);
    }

    @Test
    void withoutAWorkspaceTheCliSaysHowToConfigureOne() {
      Cli.Result r = Cli.unconfigured(home).run("serving", "list");
      assertExit(1, r);
      assertTrue(r.err.startsWith("kiln: CONFIGURATION: no workspace host: set DATABRICKS_HOST"), r.err);
    }

    @Test
    void theMissingHostErrorNamesTheProfileFileReadUnderHome(@TempDir Path otherHome) {
      // HOME is not the JVM's user.home here: the message must name the file actually read, as core resolves it.
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      int code;
      try (PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
          PrintStream o = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)) {
        code = KilnCli.execute(CliEnvironment.of(Map.of("HOME", otherHome.toString())), o, e, "serving", "list");
      }
      String message = err.toString(StandardCharsets.UTF_8);
      assertEquals(1, code, message);
      assertTrue(message.contains("no workspace host") && message.contains(" of " + otherHome.resolve(".databrickscfg")),
          message);
      Cli.Result withFile = Cli.unconfigured(otherHome).withEnv("DATABRICKS_CONFIG_FILE", "~/team.cfg").run("serving", "list");
      assertTrue(withFile.err.contains(" of " + otherHome.resolve("team.cfg")), withFile.err);
    }

    @Test
    void aProfileSuppliesHostTokenAndWarehouse(@TempDir Path otherHome) throws Exception {
      Files.writeString(otherHome.resolve(".databrickscfg"), "[DEFAULT]\nhost = https://unused.example.com\n"
          + "token = unused\n\n[emulator]\nhost = " + ws.host() + "\ntoken = " + ws.token()
          + "\nwarehouse_id = " + ws.defaultWarehouseId() + "\n");
      Cli.Result r = Cli.unconfigured(otherHome).run("sql", "SELECT 42 AS answer", "--profile", "emulator");
      assertExit(0, r);
      assertTrue(r.out.startsWith("answer\n------\n    42\n"), r.out);
      Cli.Result missing = Cli.unconfigured(otherHome).run("--profile", "nope", "serving", "list");
      assertExit(1, missing);
      assertTrue(missing.err.startsWith("kiln: CONFIGURATION: profile 'nope' not found"), missing.err);
    }

    @Test
    void theTokenIsNeverPrinted() {
      Cli.Result r = kiln.run("serving", "get", "no-such-endpoint");
      assertFalse(r.out.contains(ws.token()) || r.err.contains(ws.token()));
      Cli.Result wrong = Cli.unconfigured(home).withEnv("DATABRICKS_TOKEN", "dapi-wrong-token-1234")
          .run("--host", ws.host(), "serving", "list");
      assertExit(1, wrong);
      assertTrue(wrong.err.startsWith("kiln: "), wrong.err);
      assertFalse(wrong.err.contains("dapi-wrong-token-1234"), wrong.err);
    }
  }

  private static List<String> iterable(java.util.Iterator<String> names) {
    List<String> list = new java.util.ArrayList<>();
    names.forEachRemaining(list::add);
    return list;
  }

  static void assumePython() {
    String path = System.getenv("PATH");
    boolean found = path != null && Arrays.stream(path.split(File.pathSeparator))
        .anyMatch(dir -> !dir.isEmpty() && Files.isExecutable(Paths.get(dir, "python3")));
    Assumptions.assumeTrue(found, "no python3 on the PATH");
  }
}
