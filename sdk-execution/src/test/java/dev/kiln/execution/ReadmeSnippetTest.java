package dev.kiln.execution;

import static dev.kiln.execution.FakeWorkspace.COMMAND_EXECUTE;
import static dev.kiln.execution.FakeWorkspace.status;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kiln.core.DatabricksClient;
import dev.kiln.execution.model.CommandResult;
import dev.kiln.execution.model.Language;
import dev.kiln.execution.model.ResultTable;
import java.util.concurrent.CompletableFuture;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

/** The README's execution-context snippet, verbatim, run against the fake workspace. */
class ReadmeSnippetTest extends ExecutionTestBase {

  @Test
  void readmeSnippetCompilesAndRuns() {
    // The async command and the next one race to the server, so ids follow the code sent.
    start(FakeWorkspace.runningCluster().contextStarts("ctx-1")
        .always(COMMAND_EXECUTE, r -> FakeWorkspace.json("{\"id\":\"" + commandIdFor(r) + "\"}"))
        .commandStatus("version", status("version", "Finished", "{\"resultType\":\"text\",\"data\":\"3.5.0\"}"))
        .commandStatus("count", status("count", "Finished", "{\"resultType\":\"text\",\"data\":\"10\"}"))
        .commandStatus("sql", status("sql", "Finished", "{\"resultType\":\"table\","
            + "\"schema\":[{\"name\":\"one\",\"type\":\"\\\"integer\\\"\"}],\"data\":[[1]]}")));
    String clusterId = FakeWorkspace.CLUSTER;
    String[] seen = new String[2];
    Object[] first = new Object[1];
    readme(db, clusterId, seen, first);
    assertEquals("3.5.0", seen[0]);
    assertEquals("10", seen[1]);
    assertEquals(1, first[0]);
  }

  private static String commandIdFor(RecordedRequest r) {
    String code = FakeWorkspace.body(r).get("command").asText();
    return code.contains("version") ? "version" : code.contains("count") ? "count" : "sql";
  }

  private static void readme(DatabricksClient db, String clusterId, String[] seen, Object[] first) {
    // --- README snippet starts ---
    ExecutionClient exec = ExecutionClient.create(db);
    try (ExecutionContext ctx = exec.createContext(clusterId, Language.PYTHON)) {   // waits for cluster + context
      CommandResult r = ctx.execute("print(spark.version)");                      // text / table / images
      String version = r.text();
      CompletableFuture<CommandResult> later = ctx.executeAsync("spark.range(10).count()");
      ResultTable t = ctx.execute(Language.SQL, "SELECT 1 AS one").table();      // typed values
      Object one = t.rows().get(0).get(0);                                          // Integer 1
      // --- README snippet ends (below: test bookkeeping) ---
      seen[0] = version;
      seen[1] = later.join().text();
      first[0] = one;
    }
  }
}
