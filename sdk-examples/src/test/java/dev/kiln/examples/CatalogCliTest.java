package dev.kiln.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.emulator.LocalWorkspace;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kiln catalog}: listing, describing and grants against a local workspace. */
class CatalogCliTest {
  @TempDir
  static Path home;

  static LocalWorkspace ws;
  static Cli kiln;

  @BeforeAll
  static void start() {
    ws = LocalWorkspace.start();
    ws.sql().execute("CREATE CATALOG gold; CREATE SCHEMA gold.bir;"
        + " CREATE TABLE gold.bir.withholding (agency STRING COMMENT 'payer', amount DECIMAL(14,2))");
    kiln = Cli.against(ws, home);
  }

  @AfterAll
  static void stop() {
    ws.close();
  }

  private static Cli.Result ok(String... args) {
    Cli.Result r = kiln.run(args);
    assertEquals(0, r.exitCode, r::toString);
    return r;
  }

  @Test
  void lsWalksCatalogsSchemasAndTables() {
    String catalogs = ok("catalog", "ls").out;
    assertTrue(catalogs.contains("gold") && catalogs.contains("hive_metastore") && catalogs.contains("main"), catalogs);
    String schemas = ok("catalog", "ls", "gold").out;
    assertTrue(schemas.contains("bir") && schemas.contains("default"), schemas);
    String tables = ok("catalog", "ls", "gold.bir").out;
    assertTrue(tables.matches("(?s).*withholding\\s+MANAGED\\s+2.*"), tables);
    String columns = ok("catalog", "describe", "gold.bir.withholding").out;
    assertTrue(columns.matches("(?s).*amount\\s+decimal\\(14,2\\)\\s+true.*"), columns);
    assertTrue(columns.contains("payer"), columns);
  }

  @Test
  void grantRevokeAndGrantsRoundTrip() {
    String granted = ok("catalog", "grant", "catalog", "gold", "erp-sp", "use_catalog", "SELECT").out;
    assertTrue(granted.matches("(?s).*erp-sp\\s+USE_CATALOG, SELECT.*"), granted);
    ok("catalog", "revoke", "catalog", "gold", "erp-sp", "SELECT");
    String grants = ok("catalog", "grants", "catalog", "gold").out;
    assertTrue(grants.matches("(?s).*erp-sp\\s+USE_CATALOG\\s*\\n.*"), grants);
    String effective = ok("catalog", "grants", "table", "gold.bir.withholding", "--effective").out;
    assertTrue(effective.matches("(?s).*erp-sp\\s+USE_CATALOG\\s+catalog gold.*"), effective);
  }

  @Test
  void badInputIsAUsageOrRequestError() {
    assertEquals(2, kiln.run("catalog", "grants", "hologram", "gold").exitCode);
    assertEquals(2, kiln.run("catalog", "ls", "a.b.c").exitCode);
    Cli.Result badName = kiln.run("catalog", "describe", "gold.bir");
    assertEquals(2, badName.exitCode, badName::toString); // checked before sending: a usage error
    assertTrue(badName.err.contains("3 part(s)"), badName.err);
    Cli.Result missing = kiln.run("catalog", "describe", "gold.bir.nope");
    assertEquals(1, missing.exitCode, missing::toString);
    assertTrue(missing.err.contains("TABLE_DOES_NOT_EXIST"), missing.err);
  }
}
