package dev.kiln.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.emulator.LocalWorkspace;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kiln warehouses ...} and {@code kiln sql history} against the emulator. */
class WarehousesCliTest {
  @TempDir
  static Path home;

  static LocalWorkspace ws;
  static Cli kiln;

  @BeforeAll
  static void start() {
    ws = LocalWorkspace.start();
    ws.addWarehouse("0000cafe0000cafe", "Spare");
    kiln = Cli.against(ws, home);
  }

  @AfterAll
  static void stop() {
    ws.close();
  }

  @Test
  void listStopAndStart() {
    Cli.Result list = kiln.run("warehouses", "list");
    assertEquals(0, list.exitCode, list::toString);
    assertTrue(list.out.contains(ws.defaultWarehouseId()) && list.out.contains("Spare"), list.out);

    Cli.Result stopped = kiln.run("warehouses", "stop", "0000cafe0000cafe");
    assertEquals(0, stopped.exitCode, stopped::toString);
    assertTrue(stopped.err.contains("stopping"), stopped.err);
    Cli.Result after = kiln.run("--output", "csv", "warehouses", "list");
    assertTrue(after.out.contains("0000cafe0000cafe,Spare,STOPP"), after.out);

    Cli.Result started = kiln.run("warehouses", "start", "0000cafe0000cafe");
    assertEquals(0, started.exitCode, started::toString);
    Cli.Result unknown = kiln.run("warehouses", "stop", "nope");
    assertEquals(1, unknown.exitCode, unknown::toString);
    assertTrue(unknown.err.contains("RESOURCE_DOES_NOT_EXIST"), unknown.err);
  }

  @Test
  void sqlHistoryListsTheStatementsRun() {
    Cli.Result ran = kiln.run("sql", "SELECT 5 AS five", "--warehouse", ws.defaultWarehouseId());
    assertEquals(0, ran.exitCode, ran::toString);

    Cli.Result history = kiln.run("--output", "csv", "sql", "history", "--status", "FINISHED", "--limit", "5");
    assertEquals(0, history.exitCode, history::toString);
    assertTrue(history.out.contains("SELECT 5 AS five"), history.out);
    assertTrue(history.out.startsWith("query_id,status"), history.out);

    Cli.Result none = kiln.run("sql", "history", "--warehouse", "other");
    assertEquals(0, none.exitCode, none::toString);
    assertTrue(!none.out.contains("SELECT 5"), none.out);
  }

  @Test
  void sqlWithoutAStatementOrSubcommandIsAUsageError() {
    Cli.Result r = kiln.run("sql", "--warehouse", ws.defaultWarehouseId());
    assertEquals(2, r.exitCode, r::toString);
    assertTrue(r.err.contains("STATEMENT"), r.err);
  }
}
