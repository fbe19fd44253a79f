package dev.kiln.examples;

import dev.kiln.core.DatabricksClient;
import dev.kiln.sql.SqlClient;
import dev.kiln.sql.StatementHandle;
import dev.kiln.sql.StatementResult;
import dev.kiln.sql.model.StatementParameter;
import dev.kiln.sql.model.StatementRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code kiln sql "SELECT ..." [--warehouse ID] [--param name[:TYPE]=value]...}. */
@Command(
    name = "sql",
    mixinStandardHelpOptions = true,
    description = {
        "Runs one SQL statement on a SQL warehouse and prints its rows (every chunk, typed).",
        "Example: kiln sql \"SELECT agency, SUM(amount) AS total FROM bir.withholding WHERE year(month) = :year "
            + "GROUP BY agency\" --param year:INT=2026",
        "kiln sql history lists the queries run (query history)."
    },
    subcommands = SqlCommand.History.class)
final class SqlCommand extends CliCommand {
  // Optional for picocli so that "kiln sql history" reaches the subcommand; run() requires it.
  @Parameters(index = "0", arity = "0..1", paramLabel = "STATEMENT",
      description = "The SQL text; :name markers take --param values.")
  String statement;

  @Option(names = {"-w", "--warehouse"}, paramLabel = "ID",
      description = "SQL warehouse id (default: DATABRICKS_WAREHOUSE_ID or warehouse_id of the profile).")
  String warehouse;

  @Option(names = {"-p", "--param"}, paramLabel = "NAME[:TYPE]=VALUE",
      description = "A named parameter, e.g. year:INT=2026 or name=DPWH (STRING unless a TYPE is given). Repeatable.")
  Map<String, String> params = new LinkedHashMap<>();

  @Option(names = "--row-limit", paramLabel = "N", description = "Return at most N rows.")
  Long rowLimit;

  @Override
  void run() {
    if (statement == null) {
      throw usage("give the STATEMENT to run (or a subcommand: history)");
    }
    try (DatabricksClient db = connect()) {
      String warehouseId = warehouse != null ? warehouse
          : config().warehouseId().orElseThrow(() -> usage(
              "no SQL warehouse: pass --warehouse ID or set DATABRICKS_WAREHOUSE_ID"));
      StatementRequest.Builder request = StatementRequest.builder().warehouseId(warehouseId).statement(statement);
      params.forEach((key, value) -> request.addParameters(parameter(key, value)));
      if (rowLimit != null) {
        request.rowLimit(rowLimit);
      }
      StatementHandle handle = SqlClient.create(db).submit(request.build());
      handle.addListener(r -> {
        if (!r.state().isTerminal()) {
          err().println("waiting for statement " + handle.id() + " ... " + r.state());
        }
      });
      try (StatementResult result = handle.await()) {
        print(Table.of(result));
        if (result.truncated()) {
          err().println("the result was truncated by a row or byte limit");
        }
      }
    }
  }

  private StatementParameter parameter(String key, String value) {
    int colon = key.indexOf(':');
    String name = colon < 0 ? key : key.substring(0, colon);
    if (name.isBlank()) {
      throw usage("--param '" + key + "=" + value + "' has no name: write NAME=VALUE or NAME:TYPE=VALUE");
    }
    return colon < 0 ? StatementParameter.of(name, value)
        : StatementParameter.of(name, value, key.substring(colon + 1));
  }

  /** {@code kiln sql history [--status S]... [--warehouse ID] [--limit N]}. */
  @Command(
      name = "history",
      mixinStandardHelpOptions = true,
      description = {"Lists the queries run on SQL warehouses, newest first (query history).",
          "Example: kiln sql history --status FAILED --limit 20"})
  static final class History extends CliCommand {
    @Option(names = "--status", split = ",", paramLabel = "STATUS",
        description = "Only queries with these statuses (QUEUED, RUNNING, FINISHED, FAILED, CANCELED, ...). Repeatable.")
    java.util.List<dev.kiln.sql.model.QueryStatus> statuses = new java.util.ArrayList<>();

    @Option(names = {"-w", "--warehouse"}, paramLabel = "ID", description = "Only queries on this warehouse.")
    java.util.List<String> warehouses = new java.util.ArrayList<>();

    @Option(names = "--limit", paramLabel = "N", defaultValue = "25", description = "At most N queries (default 25).")
    int limit;

    @Override
    void run() {
      if (limit < 1) {
        throw usage("--limit must be positive");
      }
      try (DatabricksClient db = connect()) {
        dev.kiln.sql.model.QueryHistoryFilter filter = dev.kiln.sql.model.QueryHistoryFilter.builder()
            .addAllStatuses(statuses).addAllWarehouseIds(warehouses)
            .maxResults(Math.min(limit, dev.kiln.sql.model.QueryHistoryFilter.MAX_RESULTS)).build();
        Table table = Table.withColumns("query_id", "status", "start", "duration_ms", "rows", "warehouse_id", "query_text");
        SqlClient.create(db).queryHistory(filter).stream().limit(limit).forEach(q -> table.addRow(q.queryId(),
            q.rawStatus().orElse(null), q.startTime().map(Object::toString).orElse(null),
            q.duration().isPresent() ? q.duration().getAsLong() : null,
            q.rowsProduced().isPresent() ? q.rowsProduced().getAsLong() : null,
            q.warehouseId().orElse(null), q.queryText().orElse(null)));
        print(table);
      }
    }
  }
}
