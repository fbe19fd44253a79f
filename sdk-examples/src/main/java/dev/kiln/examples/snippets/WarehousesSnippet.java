package dev.kiln.examples.snippets;

import dev.kiln.sql.SqlClient;
import dev.kiln.sql.SqlOptions;
import dev.kiln.sql.StatementResult;
import dev.kiln.sql.model.QueryHistoryFilter;
import dev.kiln.sql.model.QueryInfo;
import dev.kiln.sql.model.QueryStatus;
import dev.kiln.sql.model.QueryTag;
import dev.kiln.sql.model.StatementRequest;
import dev.kiln.sql.model.Warehouse;
import java.util.ArrayList;
import java.util.List;

/** README "SQL": waiting for the warehouse, query tags, query history and warehouse calls. */
@SuppressWarnings("unused") // snippets declare variables to show what a call returns
final class WarehousesSnippet {
  private WarehousesSnippet() {}

  static List<String> run(dev.kiln.core.DatabricksClient db, String warehouseId) {
    // snippet:warehouses
    SqlClient sql = SqlClient.create(db, SqlOptions.builder()
            .awaitWarehouseRunning(true)                  // start a stopped warehouse before submitting
            .build());
    try (StatementResult r = sql.execute(StatementRequest.builder()
            .warehouseId(warehouseId)
            .statement("SELECT COUNT(*) AS n FROM gold.bir")
            .addQueryTags(QueryTag.of("job", "month-end"))
            .build())) {
        long n = r.toList().get(0).getLong("n");
    }
    List<String> finished = new ArrayList<>();
    for (QueryInfo q : sql.queryHistory(QueryHistoryFilter.builder()   // lazy, newest first
            .addStatuses(QueryStatus.FINISHED)
            .addWarehouseIds(warehouseId)
            .build())) {
        finished.add(q.queryText().orElse(""));
    }
    sql.warehouses().stop(warehouseId);
    Warehouse running = sql.warehouses().start(warehouseId).await();   // WarehouseHandle: waits for RUNNING
    // end-snippet
    finished.add(running.rawState());
    return finished;
  }
}
