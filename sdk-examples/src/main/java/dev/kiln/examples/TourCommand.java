package dev.kiln.examples;

import dev.kiln.core.DatabricksClient;
import dev.kiln.core.DatabricksConfig;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code kiln tour}: the five APIs on the local emulator, or on a configured workspace. */
@Command(
    name = "tour",
    mixinStandardHelpOptions = true,
    description = {
        "A walk through the five APIs with readable output: SQL rows, an execution context, a prediction and a "
            + "streamed chat reply, vector search hits, and a Genie answer with its SQL and rows.",
        "Runs on an embedded local emulator seeded with BIR withholding-tax data, unless a workspace is configured "
            + "(DATABRICKS_HOST, --host, --profile or a DEFAULT profile in ~/.databrickscfg). On a workspace the tour "
            + "creates nothing, and each step needs its resource from an option or variable below; steps without "
            + "one are skipped."
    })
final class TourCommand extends CliCommand {
  @Option(names = "--local", description = "Use the local emulator even when a workspace is configured.")
  boolean local;

  @Option(names = "--warehouse", paramLabel = "ID", description = "SQL warehouse (DATABRICKS_WAREHOUSE_ID).")
  String warehouse;

  @Option(names = "--table", paramLabel = "NAME",
      description = "A table with columns agency, agency_name, month, tax_type, amount (KILN_SQL_TABLE; "
          + "default: the data inline in the query).")
  String table;

  @Option(names = "--cluster", paramLabel = "ID", description = "All-purpose cluster (DATABRICKS_CLUSTER_ID).")
  String cluster;

  @Option(names = "--model-endpoint", paramLabel = "NAME",
      description = "A model taking dataframe_records with prev_month_wht (KILN_MODEL_ENDPOINT).")
  String modelEndpoint;

  @Option(names = "--chat-endpoint", paramLabel = "NAME", description = "A chat model (KILN_CHAT_ENDPOINT).")
  String chatEndpoint;

  @Option(names = "--index", paramLabel = "NAME", description = "A vector index, catalog.schema.name (KILN_VS_INDEX).")
  String index;

  @Option(names = "--index-columns", split = ",", paramLabel = "A,B",
      description = "Columns of the index to show (KILN_VS_COLUMNS; default id,year,note).")
  List<String> indexColumns;

  @Option(names = "--vector-query", paramLabel = "TEXT", description = "The vector search text (KILN_VS_QUERY).")
  String vectorQuery;

  @Option(names = "--genie-space", paramLabel = "ID", description = "A Genie space id (KILN_GENIE_SPACE).")
  String genieSpace;

  @Option(names = "--question", paramLabel = "TEXT", description = "The question for Genie (KILN_GENIE_QUESTION).")
  String question;

  @Option(names = "--volume", paramLabel = "PATH",
      description = "A volume directory, /Volumes/<catalog>/<schema>/<volume>, to copy a CSV through (KILN_VOLUME).")
  String volume;

  @Override
  void run() {
    Tour tour = new Tour(out());
    int failed;
    if (local || !environment().workspaceConfigured(root().host, root().profile)) {
      failed = tour.runOnEmulator();
    } else {
      DatabricksConfig config = config();
      try (DatabricksClient db = connect()) {
        failed = tour.runOn(db, settings(config));
      }
    }
    out().flush();
    if (failed > 0) {
      err().println("kiln: TOUR_FAILED: " + failed + " of " + Tour.STEPS + " steps failed (see above)");
      throw new TourFailed();
    }
  }

  private TourSettings settings(DatabricksConfig config) {
    return TourSettings.builder()
        .warehouseId(pick(warehouse, "DATABRICKS_WAREHOUSE_ID").or(config::warehouseId).orElse(null))
        .clusterId(pick(cluster, "DATABRICKS_CLUSTER_ID").or(config::clusterId).orElse(null))
        .sqlRelation(pick(table, "KILN_SQL_TABLE").orElse(null))
        .modelEndpoint(pick(modelEndpoint, "KILN_MODEL_ENDPOINT").orElse(null))
        .chatEndpoint(pick(chatEndpoint, "KILN_CHAT_ENDPOINT").orElse(null))
        .index(pick(index, "KILN_VS_INDEX").orElse(null))
        .indexColumns(indexColumns != null ? indexColumns : environment().get("KILN_VS_COLUMNS")
            .map(c -> Arrays.stream(c.split(",")).map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toList()))
            .orElse(null))
        .vectorQuestion(pick(vectorQuery, "KILN_VS_QUERY").orElse(null))
        .genieSpaceId(pick(genieSpace, "KILN_GENIE_SPACE").orElse(null))
        .genieQuestion(pick(question, "KILN_GENIE_QUESTION").orElse(null))
        .volume(pick(volume, "KILN_VOLUME").orElse(null))
        .build();
  }

  private Optional<String> pick(String option, String variable) {
    return option != null ? Optional.of(option) : environment().get(variable);
  }

  /** Exit code 1 after the tour printed its own failures. */
  static final class TourFailed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TourFailed() {
      super("the tour had failed steps", null, false, false);
    }
  }
}
