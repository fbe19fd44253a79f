package dev.kiln.examples.snippets;

// The README's "emulator in your own tests" snippet, with JUnit 5: a real test of this module, and the test the
// consumer check (.ci/consumer-check) runs in a project built from the README's pom alone.

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kiln.core.DatabricksClient;
import dev.kiln.emulator.LocalWorkspace;
import dev.kiln.emulator.LocalWorkspaceExtension;
import dev.kiln.sql.SqlClient;
import dev.kiln.sql.StatementResult;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

// snippet:emulator-junit
@ExtendWith(LocalWorkspaceExtension.class)        // a fresh local workspace per test, closed after it
class WithholdingReportTest {
    @Test
    void totalsPerAgency(LocalWorkspace ws, DatabricksClient db) {   // db: a client for ws
        ws.sql().execute("CREATE SCHEMA gold; CREATE TABLE gold.bir (agency STRING, amount DECIMAL(14,2), year INT);"
                + "INSERT INTO gold.bir VALUES ('DPWH', 1000.50, 2026), ('DPWH', 99.50, 2026), ('DOH', 10.00, 2026)");
        SqlClient sql = SqlClient.create(db);
        try (StatementResult r = sql.execute(ws.defaultWarehouseId(),
                "SELECT SUM(amount) AS total FROM gold.bir WHERE agency = 'DPWH'")) {
            assertEquals(new BigDecimal("1100.00"), r.toList().get(0).getBigDecimal("total"));
        }
    }
}
// end-snippet
