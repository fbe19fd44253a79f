package dev.kiln.examples;

import dev.kiln.core.DatabricksClient;
import dev.kiln.sql.WarehouseHandle;
import dev.kiln.sql.WarehousesClient;
import dev.kiln.sql.model.Warehouse;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code kiln warehouses list|start|stop}. */
@Command(
    name = "warehouses",
    mixinStandardHelpOptions = true,
    description = "SQL warehouses: list, start and stop.",
    subcommands = {WarehousesCommand.ListWarehouses.class, WarehousesCommand.Start.class, WarehousesCommand.Stop.class})
final class WarehousesCommand extends CommandGroup {
  static Table table(Iterable<Warehouse> warehouses) {
    Table table = Table.withColumns("id", "name", "state", "size", "type", "auto_stop_mins");
    for (Warehouse w : warehouses) {
      table.addRow(w.id(), w.name().orElse(null), w.rawState(), w.clusterSize().orElse(null),
          w.warehouseType().orElse(null), w.autoStopMins().isPresent() ? w.autoStopMins().getAsInt() : null);
    }
    return table;
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the SQL warehouses and their states.")
  static final class ListWarehouses extends CliCommand {
    @Override
    void run() {
      try (DatabricksClient db = connect()) {
        print(table(WarehousesClient.create(db).list()));
      }
    }
  }

  @Command(name = "start", mixinStandardHelpOptions = true,
      description = {"Starts a SQL warehouse; with --wait, waits until it is RUNNING.",
          "Example: kiln warehouses start 1234567890abcdef --wait"})
  static final class Start extends CliCommand {
    @Parameters(index = "0", paramLabel = "WAREHOUSE_ID")
    String warehouseId;

    @Option(names = "--wait", description = "Wait for RUNNING (exit 1 if it stops instead).")
    boolean await;

    @Override
    void run() {
      try (DatabricksClient db = connect()) {
        WarehouseHandle handle = WarehousesClient.create(db).start(warehouseId);
        if (await) {
          handle.addListener(w -> err().println("warehouse " + warehouseId + " ... " + w.rawState()));
          print(table(List.of(handle.await())));
        } else {
          err().println("warehouse " + warehouseId + " is starting");
        }
      }
    }
  }

  @Command(name = "stop", mixinStandardHelpOptions = true, description = "Stops a SQL warehouse.")
  static final class Stop extends CliCommand {
    @Parameters(index = "0", paramLabel = "WAREHOUSE_ID")
    String warehouseId;

    @Override
    void run() {
      try (DatabricksClient db = connect()) {
        WarehousesClient.create(db).stop(warehouseId);
        err().println("warehouse " + warehouseId + " is stopping");
      }
    }
  }
}
