package dev.kiln.sql;

import static dev.kiln.core.testing.Wire.expectJsonPost;
import static dev.kiln.core.testing.Wire.ok;
import static dev.kiln.sql.SqlTestBase.statement;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kiln.core.DatabricksClient;
import dev.kiln.core.testing.Wire;
import dev.kiln.core.testing.FakeSleeper;
import dev.kiln.core.testing.TestClients;
import dev.kiln.sql.model.StatementParameter;
import dev.kiln.sql.model.StatementRequest;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/** The README's SQL snippet, verbatim between the markers, run against a mock workspace. */
class ReadmeSnippetTest {
  @StartStop
  final MockWebServer server = new MockWebServer();

  @Test
  void snippetRunsAsWritten() throws Exception {
    server.enqueue(ok(statement("r1", "SUCCEEDED", "'manifest':{'format':'JSON_ARRAY','schema':{'columns':["
        + "{'name':'agency','position':0,'type_name':'STRING'},{'name':'total','position':1,'type_name':'DECIMAL',"
        + "'type_text':'DECIMAL(20,2)'}]},'total_chunk_count':1,'total_row_count':2},"
        + "'result':{'chunk_index':0,'row_count':2,'data_array':[['BIR','1500.25'],['BOC','99.10']]}")));
    server.enqueue(ok(statement("r2", "SUCCEEDED", StatementExecutionTest.ONE_ROW)));

    Map<String, BigDecimal> totals;
    try (DatabricksClient db = TestClients.forUrl(server.url("/").toString(), new FakeSleeper())) {
      totals = readme(db, "wh-1");
    }

    assertEquals(Map.of("BIR", new BigDecimal("1500.25"), "BOC", new BigDecimal("99.10")), totals);
    expectJsonPost(server, "/api/2.0/sql/statements/", "{'warehouse_id':'wh-1','statement':"
        + "'SELECT agency, SUM(amount) AS total FROM gold.bir WHERE year = :year GROUP BY agency',"
        + "'parameters':[{'name':'year','value':'2026','type':'INT'}]}");
    expectJsonPost(server, "/api/2.0/sql/statements/", "{'warehouse_id':'wh-1','statement':'SELECT 1 AS one'}");
  }

  private static Map<String, BigDecimal> readme(DatabricksClient db, String warehouseId) {
    Map<String, BigDecimal> totals = new LinkedHashMap<>();
    // --- README snippet ---
    SqlClient sql = SqlClient.create(db);
    StatementHandle handle = sql.submit(StatementRequest.builder()
        .warehouseId(warehouseId)
        .statement("SELECT agency, SUM(amount) AS total FROM gold.bir WHERE year = :year GROUP BY agency")
        .addParameters(StatementParameter.of("year", 2026))
        .build());
    try (StatementResult result = handle.await(Duration.ofMinutes(5))) {   // or handle.resultAsync()
      for (Row row : result.rows()) {                                    // streams every chunk
        String agency = row.getString("agency");
        BigDecimal total = row.getBigDecimal("total");
        totals.put(agency, total);
      }
    }
    try (StatementResult quick = sql.execute(warehouseId, "SELECT 1 AS one")) {
      int one = quick.toList().get(0).getInt("one");
      assertEquals(1, one);
    }
    // --- end ---
    return totals;
  }
}
