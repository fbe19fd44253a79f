package dev.kiln.examples;

import dev.kiln.emulator.LocalWorkspace;
import java.io.PrintStream;
import picocli.CommandLine.Command;

/** {@code kiln emulator}: a seeded local workspace in the foreground until Ctrl-C. */
@Command(
    name = "emulator",
    mixinStandardHelpOptions = true,
    description = {
        "Runs a local Databricks workspace (SQL, clusters, serving, vector search, Genie) on 127.0.0.1 in the "
            + "foreground, seeded with the tour's BIR withholding-tax data, until Ctrl-C.",
        "It prints its host and its token (a random one, valid only for this run) and the variables that point "
            + "the CLI, the tour or your own code at it."
    })
final class EmulatorCommand extends CliCommand {
  @Override
  void run() throws InterruptedException {
    LocalWorkspace ws = Tour.startEmulator();
    Thread onExit = new Thread(() -> {
      ws.close();
      err().println("kiln emulator stopped");
    }, "kiln-emulator-shutdown");
    try {
      TourData.Seeded seeded = TourData.seed(ws);
      describe(ws, seeded, out());
      Runtime.getRuntime().addShutdownHook(onExit);
    } catch (RuntimeException e) {
      ws.close();
      throw e;
    }
    try {
      environment().foreground().await(ws);
    } finally {
      boolean exiting = false;
      try {
        Runtime.getRuntime().removeShutdownHook(onExit);
      } catch (IllegalStateException shuttingDown) {
        exiting = true; // the hook closes the workspace
      }
      if (!exiting) {
        ws.close();
      }
    }
  }

  private static void describe(LocalWorkspace ws, TourData.Seeded seeded, PrintStream out) {
    out.println("Kiln emulator running at " + ws.host() + " (Ctrl-C to stop)");
    out.println();
    out.println("  host          " + ws.host());
    out.println("  token         " + ws.token() + "   (local to this run)");
    out.println("  warehouse     " + ws.defaultWarehouseId() + "   tables " + seeded.table + ", " + TourData.NOTES_TABLE);
    out.println("  clusters      " + ws.defaultClusterId() + " (running), " + Tour.TOUR_CLUSTER_ID + " (terminated; starts on use)");
    out.println("  serving       databricks-llama (chat), databricks-bge-large-en (embeddings), bir-tax-forecaster");
    out.println("  vector index  " + seeded.index + " on endpoint " + ws.defaultVectorSearchEndpoint());
    out.println("  genie space   " + seeded.genieSpaceId + " (\"" + TourData.GENIE_TITLE + "\")");
    out.println();
    out.println("Point the CLI (or DatabricksClient.fromEnvironment()) at it from another terminal:");
    out.println();
    out.println("  export DATABRICKS_HOST=" + ws.host() + " DATABRICKS_TOKEN=" + ws.token());
    out.println("  export DATABRICKS_WAREHOUSE_ID=" + ws.defaultWarehouseId() + " DATABRICKS_CLUSTER_ID=" + ws.defaultClusterId());
    out.println("  export KILN_MODEL_ENDPOINT=bir-tax-forecaster KILN_CHAT_ENDPOINT=databricks-llama");
    out.println("  export KILN_VS_INDEX=" + seeded.index + " KILN_GENIE_SPACE=" + seeded.genieSpaceId);
    out.println();
    out.println("  java -jar sdk-examples/target/kiln.jar sql \"SELECT * FROM " + seeded.table + " LIMIT 5\"");
    out.println("  java -jar sdk-examples/target/kiln.jar genie ask $KILN_GENIE_SPACE \"" + TourData.GENIE_QUESTION + "\"");
    out.println("  java -jar sdk-examples/target/kiln.jar tour   # the tour, as against a real workspace");
    out.flush();
  }
}
