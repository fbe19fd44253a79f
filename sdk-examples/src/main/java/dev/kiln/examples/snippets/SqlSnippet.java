package dev.kiln.examples.snippets;

import dev.kiln.sql.Row;
import dev.kiln.sql.SqlClient;
import dev.kiln.sql.StatementHandle;
import dev.kiln.sql.StatementResult;
import dev.kiln.sql.model.StatementParameter;
import dev.kiln.sql.model.StatementRequest;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** README "SQL": a parameterised statement, typed rows from every chunk, and the one-call form. */
@SuppressWarnings("unused") // snippets declare variables to show what a call returns
final class SqlSnippet {
  private SqlSnippet() {}

  static Map<String, BigDecimal> run(dev.kiln.core.DatabricksClient db, String warehouseId) {
    // snippet:sql
    SqlClient sql = SqlClient.create(db);
    StatementHandle handle = sql.submit(StatementRequest.builder()
            .warehouseId(warehouseId)
            .statement("SELECT agency, SUM(amount) AS total FROM gold.bir WHERE year = :year GROUP BY agency")
            .addParameters(StatementParameter.of("year", 2026))
            .build());
    Map<String, BigDecimal> totals = new LinkedHashMap<>();
    try (StatementResult result = handle.await(Duration.ofMinutes(5))) {   // or handle.resultAsync()
        for (Row row : result.rows()) {                                    // streams every chunk
            String agency = row.getString("agency");
            BigDecimal total = row.getBigDecimal("total");
            totals.put(agency, total);
        }
    }
    try (StatementResult quick = sql.execute(warehouseId, "SELECT 1 AS one")) {   // submit + await
        int one = quick.toList().get(0).getInt("one");
    }
    // end-snippet
    return totals;
  }
}
