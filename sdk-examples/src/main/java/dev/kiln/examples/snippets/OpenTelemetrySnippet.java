package dev.kiln.examples.snippets;

import dev.kiln.core.DatabricksClient;
import dev.kiln.core.auth.Credentials;
import dev.kiln.opentelemetry.KilnTelemetry;
import dev.kiln.sql.SqlClient;
import dev.kiln.sql.StatementResult;

/** README "OpenTelemetry": the listener on a client built as usual; returns the statement's row count. */
final class OpenTelemetrySnippet {
  private OpenTelemetrySnippet() {}

  static long run(io.opentelemetry.api.OpenTelemetry openTelemetry, String host, String token, String warehouseId) {
    long rows;
    // snippet:opentelemetry
    // openTelemetry: your service's, e.g. GlobalOpenTelemetry.get(); Kiln needs only opentelemetry-api
    try (DatabricksClient db = DatabricksClient.builder()
            .host(host)
            .credentials(Credentials.personalAccessToken(token))
            .listener(KilnTelemetry.create(openTelemetry))
            .build();
        StatementResult result = SqlClient.create(db).execute(warehouseId, "SELECT * FROM gold.bir")) {
        rows = result.totalRowCount();  // traced: POST + polls under a "Kiln statement" span
    }
    // end-snippet
    return rows;
  }
}
