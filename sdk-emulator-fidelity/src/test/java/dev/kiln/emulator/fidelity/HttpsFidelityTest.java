package dev.kiln.emulator.fidelity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.core.DatabricksConfig;
import com.databricks.sdk.core.commons.CommonsHttpClient;
import com.databricks.sdk.service.sql.Disposition;
import com.databricks.sdk.service.sql.ExecuteStatementRequest;
import com.databricks.sdk.service.sql.StatementResponse;
import com.databricks.sdk.service.sql.StatementState;
import dev.kiln.core.testing.CapturedLogs;
import dev.kiln.emulator.LocalWorkspace;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.http.config.RegistryBuilder;
import org.apache.http.conn.socket.ConnectionSocketFactory;
import org.apache.http.conn.socket.PlainConnectionSocketFactory;
import org.apache.http.conn.ssl.SSLConnectionSocketFactory;
import org.apache.http.impl.conn.PoolingHttpClientConnectionManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code LocalWorkspace.builder().https()}: the official SDK (its SSL socket factory from the workspace's
 * {@code SSLContext}) and the JDBC driver (its trust store options, the driver's default {@code ssl=1}) connect
 * over https, external links included.
 */
class HttpsFidelityTest {
  private static LocalWorkspace ws;

  @BeforeAll
  static void start() {
    ws = LocalWorkspace.builder().https().chunkRowCount(1_000).start();
  }

  @AfterAll
  static void stop() {
    ws.close();
  }

  /**
   * SDK 0.141.0's {@code CommonsHttpClient.Builder.withSslSocketFactory} has no effect (the builder always sets
   * a connection manager, which Apache HttpClient then uses with its default socket factories), so the trust
   * goes into a connection manager of our own.
   */
  static PoolingHttpClientConnectionManager trusting(LocalWorkspace ws) {
    return new PoolingHttpClientConnectionManager(RegistryBuilder.<ConnectionSocketFactory>create()
        .register("https", new SSLConnectionSocketFactory(ws.sslContext()))
        .register("http", PlainConnectionSocketFactory.getSocketFactory())
        .build());
  }

  @Test
  void theOfficialSdkConnectsOverHttpsAndGetsHttpsLinksWithNoWarning() {
    CapturedLogs.clear();
    WorkspaceClient w = new WorkspaceClient(new DatabricksConfig()
        .setHost(ws.host())
        .setToken(ws.token())
        .setHttpClient(new CommonsHttpClient.Builder()
            .withTimeoutSeconds(30)
            .withConnectionManager(trusting(ws))
            .build()));

    StatementResponse response = w.statementExecution().executeStatement(new ExecuteStatementRequest()
        .setWarehouseId(ws.defaultWarehouseId())
        .setStatement("SELECT id FROM range(2500)")
        .setDisposition(Disposition.EXTERNAL_LINKS));

    assertEquals(StatementState.SUCCEEDED, response.getStatus().getState());
    String link = response.getResult().getExternalLinks().iterator().next().getExternalLink();
    assertTrue(link.startsWith(ws.storageHost() + "/_external/"), link);
    assertTrue(link.startsWith("https://"), link);
    List<String> warnings = CapturedLogs.lines().stream()
        .filter(line -> line.startsWith("WARN") || line.startsWith("ERROR")).collect(Collectors.toList());
    assertEquals(List.of(), warnings);
  }

  @Test
  void theJdbcDriverConnectsWithItsTrustStoreOptionsAndFetchesThroughCloudFetch() throws Exception {
    String url = "jdbc:databricks://" + ws.host().substring("https://".length()) + "/default"
        + ";transportMode=http;ssl=1;AuthMech=3;httpPath=/sql/1.0/warehouses/" + ws.defaultWarehouseId()
        + ";useThriftClient=0;EnableTelemetry=0"
        + ";SSLTrustStore=" + ws.trustStorePath() + ";SSLTrustStorePwd=" + ws.trustStorePassword()
        + ";SSLTrustStoreType=PKCS12";
    try (Connection connection = DriverManager.getConnection(url, JdbcDriverFidelityTest.credentials(ws));
        Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("SELECT id FROM range(2500) ORDER BY id")) {
      long sum = 0;
      int rows = 0;
      while (rs.next()) {
        sum += rs.getLong(1);
        rows++;
      }
      assertEquals(2500, rows);
      assertEquals(2499L * 2500 / 2, sum);
    }
  }
}
