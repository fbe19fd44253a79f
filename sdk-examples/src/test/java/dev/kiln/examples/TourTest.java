package dev.kiln.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.emulator.LocalWorkspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kiln tour} on the emulator, {@code kiln emulator}, and the tour against a "real" (emulated) workspace. */
class TourTest {
  @TempDir
  Path home;

  private static void assertContains(String output, String... expected) {
    for (String e : expected) {
      assertTrue(output.contains(e), () -> "missing: " + e + "\n--- output:\n" + output);
    }
  }

  private static void assertMatches(String output, String regex) {
    assertTrue(Pattern.compile(regex, Pattern.MULTILINE).matcher(output).find(),
        () -> "no line matches: " + regex + "\n--- output:\n" + output);
  }

  @Test
  void theTourWalksAllFiveApisOnTheEmulator() {
    long start = System.nanoTime();
    Cli.Result r = Cli.unconfigured(home).run("tour");
    assertEquals(0, r.exitCode, r::toString);
    String out = r.out;
    assertContains(out,
        "Kiln tour on the local emulator at http://127.0.0.1:",
        "Seeded: table bir.withholding (30 rows of 2026 withholding tax), vector index main.bir.notes_index (6 notes)",
        "[1/6] SQL statement execution",
        "[2/6] Execution contexts (API 1.2)",
        "[3/6] Model serving",
        "[4/6] Vector search",
        "[5/6] Genie",
        "[6/6] Files in a Unity Catalog volume");
    // SQL: progress, then typed rows with exact decimal totals
    assertMatches(out, "^  statement \\S+ SUCCEEDED on warehouse \\S+ in \\d+\\.\\d s$");
    assertMatches(out, "^  DPWH\\s+Department of Public Works and Highways\\s+6\\s+124,433,649\\.00$");
    assertContains(out, "5 agencies, PHP 359,015,998.50 in total");
    // execution: cluster readiness, then python (or the SQL fallback) and a SQL table
    assertContains(out, "waiting for Genie ... SUBMITTED",
        "cluster 0121-093011-bir4tour (bir-analytics) is TERMINATED; starting it and waiting until it is RUNNING ...",
        "cluster 0121-093011-bir4tour is RUNNING after", "context destroyed");
    assertTrue(out.contains("busiest month: 2026-03") || out.contains("python is not available here"), out);
    assertMatches(out, "^  2026-03-01\\s+124,430,329\\.50$");
    // serving: the forecaster (x 1.05) and a streamed echo
    assertMatches(out, "^  DPWH\\s+43,127,103\\.00\\s+45,283,458\\.15$");
    assertContains(out, "  > In 2026 DPWH withheld PHP 124.4 million in tax, more than any other agency in the sample.\n");
    assertMatches(out, "^  \\(1[0-9] chunks streamed\\)$");
    // vector search: the note about compensation first, with a score
    assertMatches(out, "^  0\\.\\d{3}\\s+1\\s+2024\\s+Tax withheld on compensation is remitted");
    // Genie: answer, SQL and rows
    assertContains(out, "  Genie: DPWH, DepEd and DOH withheld the most tax in 2026; DPWH leads with PHP 124.4 million.",
        "  SQL:   SELECT agency, SUM(amount) AS total_withheld FROM bir.withholding");
    assertMatches(out, "^  DOH\\s+67,274,539\\.80$");
    // files: a CSV to the volume and back
    assertContains(out, "  uploaded /Volumes/main/bir/landing/kiln-tour/withholding-2026.csv (113 bytes, last modified ",
        "  ls: withholding-2026.csv 113 bytes", "  downloaded 113 bytes back, identical: true");
    assertMatches(out, "^Tour complete in \\d+\\.\\d s\\.$");
    assertFalse(out.contains("FAILED"), out);
    assertFalse(out.contains("  skipped:"), out);
    assertEquals("", r.err);
    assertTrue(System.nanoTime() - start < 30_000_000_000L, "the tour took over 30 s");
  }

  @Test
  void theEmulatorCommandServesTheTourDataUntilStopped() {
    AtomicReference<Cli.Result> sql = new AtomicReference<>();
    AtomicReference<Cli.Result> tour = new AtomicReference<>();
    Cli.Result r = Cli.unconfigured(home).withForeground(ws -> {
      // another terminal, with the variables `kiln emulator` printed
      Cli other = Cli.unconfigured(home)
          .withEnv("DATABRICKS_HOST", ws.host())
          .withEnv("DATABRICKS_TOKEN", ws.token())
          .withEnv("DATABRICKS_WAREHOUSE_ID", ws.defaultWarehouseId())
          .withEnv("DATABRICKS_CLUSTER_ID", ws.defaultClusterId())
          .withEnv("KILN_MODEL_ENDPOINT", "bir-tax-forecaster")
          .withEnv("KILN_CHAT_ENDPOINT", "databricks-llama")
          .withEnv("KILN_VS_INDEX", TourData.INDEX)
          .withEnv("KILN_GENIE_SPACE", genieSpaceOf(ws))
          .withEnv("KILN_VOLUME", "/Volumes/main/default/scratch");
      sql.set(other.run("sql", "SELECT COUNT(*) AS n FROM bir.withholding"));
      tour.set(other.run("tour"));
    }).run("emulator");

    assertEquals(0, r.exitCode, r::toString);
    assertMatches(r.out, "^Kiln emulator running at http://127\\.0\\.0\\.1:\\d+ \\(Ctrl-C to stop\\)$");
    assertMatches(r.out, "^  export DATABRICKS_HOST=http://127\\.0\\.0\\.1:\\d+ DATABRICKS_TOKEN=\\S+$");
    assertContains(r.out, "  vector index  main.bir.notes_index", "KILN_GENIE_SPACE=");

    assertEquals(0, sql.get().exitCode, sql.get()::toString);
    assertEquals(" n\n--\n30\n(1 row)\n", sql.get().out);

    // against a configured workspace the tour creates nothing: the SQL reads inline VALUES
    Cli.Result remote = tour.get();
    assertEquals(0, remote.exitCode, remote::toString);
    assertMatches(remote.out, "^Kiln tour on http://127\\.0\\.0\\.1:\\d+ \\(nothing is created");
    assertContains(remote.out, "FROM (VALUES ...) AS withholding", "cluster " , "is RUNNING",
        "5 agencies, PHP 359,015,998.50 in total", "Genie: DPWH, DepEd and DOH");
    assertFalse(remote.out.contains("  skipped:"), remote.out);
  }

  @Test
  void aDefaultProfileMeansARealWorkspaceWhereStepsWithoutTheirResourceAreSkipped() throws Exception {
    try (LocalWorkspace ws = LocalWorkspace.start()) {
      Files.writeString(home.resolve(".databrickscfg"),
          "[DEFAULT]\nhost = " + ws.host() + "\ntoken = " + ws.token() + "\nwarehouse_id = " + ws.defaultWarehouseId() + "\n");
      Cli.Result r = Cli.unconfigured(home).run("tour");
      assertEquals(0, r.exitCode, r::toString);
      assertContains(r.out, "Kiln tour on " + ws.host() + " (nothing is created", "5 agencies, PHP 359,015,998.50 in total",
          "[2/6] Execution contexts (API 1.2)\n  skipped: no cluster: set DATABRICKS_CLUSTER_ID or pass --cluster",
          "[3/6] Model serving\n  skipped: no serving endpoints",
          "[4/6] Vector search\n  skipped: no vector index",
          "[5/6] Genie\n  skipped: no Genie space",
          "[6/6] Files in a Unity Catalog volume\n  skipped: no volume");
    }
  }

  @Test
  void aFailedStepIsReportedAndTheTourExitsWith1() {
    try (LocalWorkspace ws = LocalWorkspace.start()) {
      Cli.Result r = Cli.against(ws, home).run("tour", "--warehouse", ws.defaultWarehouseId(),
          "--index", "main.nowhere.index");
      assertEquals(1, r.exitCode, r::toString);
      assertMatches(r.out, "^  FAILED [A-Z_]+: HTTP 404");
      assertContains(r.out, "Tour finished in");
      assertContains(r.err, "kiln: TOUR_FAILED: 1 of 6 steps failed");
    }
  }

  private static String genieSpaceOf(LocalWorkspace ws) {
    List<dev.kiln.genie.model.GenieSpace> spaces = new java.util.ArrayList<>();
    dev.kiln.genie.GenieClient.create(ws.client()).listSpaces().forEach(spaces::add);
    return spaces.get(0).spaceId();
  }
}
