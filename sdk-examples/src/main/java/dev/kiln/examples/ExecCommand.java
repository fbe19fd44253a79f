package dev.kiln.examples;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.core.DatabricksClient;
import dev.kiln.execution.ExecutionClient;
import dev.kiln.execution.ExecutionContext;
import dev.kiln.execution.model.CommandImage;
import dev.kiln.execution.model.CommandResult;
import dev.kiln.execution.model.Language;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code kiln exec --cluster ID --language python "print(1)"}. */
@Command(
    name = "exec",
    mixinStandardHelpOptions = true,
    description = {
        "Runs code on an all-purpose cluster in a new execution context (API 1.2) and prints its output.",
        "Starts the cluster if it is terminated and waits until it is running; the context is destroyed afterwards.",
        "Example: kiln exec --cluster 0123-456789-abcdefgh --language python \"print(spark.version)\""
    })
final class ExecCommand extends CliCommand {
  @Parameters(index = "0", paramLabel = "CODE", description = "The code to run.")
  String code;

  @Option(names = {"-c", "--cluster"}, paramLabel = "ID",
      description = "Cluster id (default: DATABRICKS_CLUSTER_ID or cluster_id of the profile).")
  String cluster;

  @Option(names = {"-l", "--language"}, paramLabel = "LANG", defaultValue = "python",
      description = "python (default), sql, scala or r.")
  Language language;

  @Override
  void run() {
    try (DatabricksClient db = connect()) {
      String clusterId = cluster != null ? cluster
          : config().clusterId().orElseThrow(() -> usage(
              "no cluster: pass --cluster ID or set DATABRICKS_CLUSTER_ID"));
      ExecutionClient exec = ExecutionClient.create(db);
      err().println("waiting for cluster " + clusterId + " and a " + language.wireValue() + " context ...");
      try (ExecutionContext ctx = exec.createContext(clusterId, language)) {
        print(ctx.execute(code));
      }
    }
  }

  private void print(CommandResult result) {
    switch (result.type()) {
      case TABLE:
        print(Table.of(result.table()));
        return;
      case TEXT:
        if (format() == OutputFormatter.Format.TABLE) {
          String text = result.text();
          out().print(text.isEmpty() || text.endsWith("\n") ? text : text + "\n");
          out().flush();
        } else {
          print(Table.withColumns("type", "text").addRow("text", result.text()));
        }
        return;
      case IMAGE:
      case IMAGES:
        Table images = Table.withColumns("file_name", "bytes");
        for (CommandImage image : result.images()) {
          images.addRow(image.fileName().orElse(null), image.hasBytes() ? image.bytes().length : null);
        }
        print(images);
        return;
      default:
        ObjectNode raw = JsonNodeFactory.instance.objectNode().put("resultType", result.rawType());
        result.rawData().ifPresent(d -> raw.set("data", d));
        printJson(raw);
    }
  }
}
