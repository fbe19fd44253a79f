package dev.kiln.examples.snippets;

import dev.kiln.emulator.LocalWorkspace;
import dev.kiln.sql.Row;
import dev.kiln.sql.SqlClient;
import dev.kiln.sql.StatementResult;

/** README "Using the emulator in your own tests", without JUnit: a seeded workspace and a client for it. */
@SuppressWarnings("unused") // snippets declare variables to show what a call returns
final class EmulatorSnippet {
  private EmulatorSnippet() {}

  static java.util.List<Long> run() {
    // snippet:emulator
    long count;
    long top;
    try (LocalWorkspace ws = LocalWorkspace.start()) {                  // 127.0.0.1, random port and token
        ws.sql().execute("CREATE TABLE sales AS SELECT id, id * 10 AS amount FROM range(100)");
        SqlClient sql = SqlClient.create(ws.client());                  // a DatabricksClient for this workspace
        try (StatementResult r = sql.execute(ws.defaultWarehouseId(),
                "SELECT COUNT(*) AS n, MAX(amount) AS top FROM sales")) {
            Row row = r.toList().get(0);
            count = row.getLong("n");                                   // 100
            top = row.getLong("top");                                   // 990
        }
    }                                                                   // stops the server and its threads
    // end-snippet
    return java.util.List.of(count, top);
  }
}
