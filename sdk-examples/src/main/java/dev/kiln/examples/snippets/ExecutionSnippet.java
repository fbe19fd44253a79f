package dev.kiln.examples.snippets;

import dev.kiln.execution.ExecutionClient;
import dev.kiln.execution.ExecutionContext;
import dev.kiln.execution.model.CommandResult;
import dev.kiln.execution.model.Language;
import java.util.concurrent.CompletableFuture;

/** README "Execution contexts": a Python context on a cluster, one blocking and one async command. */
@SuppressWarnings("unused") // snippets declare variables to show what a call returns
final class ExecutionSnippet {
  private ExecutionSnippet() {}

  static java.util.List<String> run(dev.kiln.core.DatabricksClient db, String clusterId) {
    // snippet:execution
    ExecutionClient exec = ExecutionClient.create(db);
    String major;
    String sum;
    try (ExecutionContext ctx = exec.createContext(clusterId, Language.PYTHON)) {  // waits for cluster + context
        CommandResult r = ctx.execute("import sys; print(sys.version_info[0])");   // text / table / images
        major = r.text();                                                         // "3"
        CompletableFuture<CommandResult> later = ctx.executeAsync("sum(range(10))");
        sum = later.join().text();                                                // "45"
    }                                                                             // context destroyed here
    // end-snippet
    return java.util.List.of(major, sum);
  }
}
