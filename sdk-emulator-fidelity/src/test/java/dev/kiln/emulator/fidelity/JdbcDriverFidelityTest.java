package dev.kiln.emulator.fidelity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.emulator.Fault;
import dev.kiln.emulator.InjectedFault;
import dev.kiln.emulator.LocalWorkspace;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Databricks JDBC driver in SQL Statement Execution mode ({@code useThriftClient=0}), configured as its
 * documentation says plus the emulator's host, token and warehouse: sessions, Arrow + LZ4 results inline and
 * through CloudFetch (external links on the storage port), typed columns, {@code ?} parameters, closing.
 * One connection is shared: the driver's cold start is the slow part.
 */
class JdbcDriverFidelityTest {
  private static LocalWorkspace ws;
  private static Connection connection;

  /** The driver's URL for a workspace, http (the driver's default is https). */
  static String jdbcUrl(LocalWorkspace ws, String schema) {
    String hostPort = ws.host().substring("http://".length());
    return "jdbc:databricks://" + hostPort + "/" + schema
        + ";transportMode=http;ssl=0;AuthMech=3;httpPath=/sql/1.0/warehouses/" + ws.defaultWarehouseId()
        + ";useThriftClient=0;EnableTelemetry=0";
  }

  static Properties credentials(LocalWorkspace ws) {
    Properties properties = new Properties();
    properties.setProperty("UID", "token");
    properties.setProperty("PWD", ws.token());
    return properties;
  }

  @BeforeAll
  static void connect() throws SQLException {
    ws = LocalWorkspace.start();
    ws.sql().execute(
        "CREATE SCHEMA fidelity;"
            + " CREATE TABLE fidelity.people (id INT, name VARCHAR, score DECIMAL(10,2), born DATE);"
            + " INSERT INTO fidelity.people VALUES (1, 'ada', 12.50, DATE '1815-12-10'),"
            + " (2, 'grace', 99.95, DATE '1906-12-09'), (3, 'alan', NULL, DATE '1912-06-23')");
    // The session's schema comes from the URL: the tables below are named without a schema.
    connection = DriverManager.getConnection(jdbcUrl(ws, "fidelity"), credentials(ws));
  }

  @AfterAll
  static void close() throws SQLException {
    try {
      if (connection != null) {
        connection.close();
      }
    } finally {
      ws.close();
    }
  }

  @Test
  void aQueryRunsInTheSessionSchemaWithTypedColumns() throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery(
            "SELECT id, name, score, born, CAST(id AS BIGINT) * 10000000000 AS big, id / 4 AS ratio,"
                + " id % 2 = 1 AS odd, TIMESTAMP '2026-01-02 03:04:05' AS at FROM people ORDER BY id")) {
      ResultSetMetaData meta = rs.getMetaData();
      assertEquals(8, meta.getColumnCount());
      assertEquals(Types.INTEGER, meta.getColumnType(1));
      assertEquals(Types.VARCHAR, meta.getColumnType(2));
      assertEquals(Types.DECIMAL, meta.getColumnType(3));
      assertEquals(Types.DATE, meta.getColumnType(4));
      assertEquals(Types.BIGINT, meta.getColumnType(5));
      assertEquals(Types.DOUBLE, meta.getColumnType(6));
      assertEquals(Types.BOOLEAN, meta.getColumnType(7));
      assertEquals(Types.TIMESTAMP, meta.getColumnType(8));

      assertTrue(rs.next());
      assertEquals(1, rs.getInt("id"));
      assertEquals("ada", rs.getString("name"));
      assertEquals(new BigDecimal("12.50"), rs.getBigDecimal("score"));
      assertEquals(Date.valueOf(LocalDate.of(1815, 12, 10)), rs.getDate("born"));
      assertEquals(10_000_000_000L, rs.getLong("big"));
      assertEquals(0.25, rs.getDouble("ratio"));
      assertTrue(rs.getBoolean("odd"));
      assertEquals(Timestamp.valueOf(LocalDateTime.of(2026, 1, 2, 3, 4, 5)), rs.getTimestamp("at"));
      assertTrue(rs.next());
      assertEquals("grace", rs.getString(2));
      assertFalse(rs.getBoolean(7));
      assertTrue(rs.next());
      assertNull(rs.getBigDecimal("score"));
      assertTrue(rs.wasNull());
      assertFalse(rs.next());
    }
  }

  @Test
  void twoHundredThousandRowsComeThroughCloudFetchFromTheStoragePort() throws SQLException {
    InjectedFault downloads = ws.faults().inject(Fault.latency(Duration.ZERO).on("GET", "/_external/"));
    long count = 0;
    long sum = 0;
    long started = System.nanoTime();
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery(
            "SELECT id, id * 2 AS twice, 'row-' || id AS label FROM range(200000) ORDER BY id")) {
      while (rs.next()) {
        long id = rs.getLong(1);
        assertEquals(count, id);
        if (id % 49_999 == 0) {
          assertEquals(id * 2, rs.getLong(2));
          assertEquals("row-" + id, rs.getString(3));
        }
        sum += id;
        count++;
      }
    } finally {
      downloads.remove();
    }
    System.out.printf("JDBC CloudFetch: 200,000 rows in %d ms%n", (System.nanoTime() - started) / 1_000_000);
    assertEquals(200_000, count);
    assertEquals(199_999L * 200_000 / 2, sum);
    assertEquals(20, downloads.hits(), "one download per 10,000-row chunk");
  }

  @Test
  void useSchemaHoldsForTheRestOfTheConnection() throws SQLException {
    try (Connection own = DriverManager.getConnection(jdbcUrl(ws, "default"), credentials(ws));
        Statement statement = own.createStatement()) {
      assertThrows(SQLException.class, () -> statement.executeQuery("SELECT count(*) FROM people").close());
      statement.execute("USE SCHEMA fidelity");
      try (ResultSet rs = statement.executeQuery("SELECT current_schema(), count(*) FROM people")) {
        assertTrue(rs.next());
        assertEquals("fidelity", rs.getString(1));
        assertEquals(3, rs.getLong(2));
      }
    }
  }

  @Test
  void preparedStatementsBindQuestionMarksByPosition() throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement("SELECT name, score FROM people WHERE id >= ? AND name <> ? ORDER BY id")) {
      statement.setInt(1, 2);
      statement.setString(2, "it's a '?'");
      try (ResultSet rs = statement.executeQuery()) {
        assertTrue(rs.next());
        assertEquals("grace", rs.getString(1));
        assertEquals(new BigDecimal("99.95"), rs.getBigDecimal(2));
        assertTrue(rs.next());
        assertEquals("alan", rs.getString(1));
        assertFalse(rs.next());
      }
      statement.setInt(1, 3);
      statement.setString(2, "alan");
      try (ResultSet rs = statement.executeQuery()) {
        assertFalse(rs.next());
      }
    }
    try (PreparedStatement statement =
        connection.prepareStatement("SELECT ? + 1 AS next_score, ? AS day, '?' AS literal")) {
      statement.setBigDecimal(1, new BigDecimal("1.25"));
      statement.setDate(2, Date.valueOf(LocalDate.of(2026, 2, 28)));
      try (ResultSet rs = statement.executeQuery()) {
        assertTrue(rs.next());
        assertEquals(0, new BigDecimal("2.25").compareTo(rs.getBigDecimal(1)));
        assertEquals(Date.valueOf(LocalDate.of(2026, 2, 28)), rs.getDate(2));
        assertEquals("?", rs.getString(3));
      }
    }
  }

  @Test
  void closingAStatementClosesItOnTheWarehouseAndClosingTheConnectionClosesTheSession() throws SQLException {
    InjectedFault statementCloses =
        ws.faults().inject(Fault.latency(Duration.ZERO).on("DELETE", "/api/2.0/sql/statements/"));
    InjectedFault sessionCloses =
        ws.faults().inject(Fault.latency(Duration.ZERO).on("DELETE", "/api/2.0/sql/sessions/"));
    try (Connection own = DriverManager.getConnection(jdbcUrl(ws, "fidelity"), credentials(ws))) {
      try (Statement statement = own.createStatement();
          ResultSet rs = statement.executeQuery("SELECT count(*) FROM people")) {
        assertTrue(rs.next());
        assertEquals(3, rs.getLong(1));
      }
      assertEquals(1, statementCloses.hits());
      assertEquals(0, sessionCloses.hits());
    } finally {
      statementCloses.remove();
    }
    assertEquals(1, sessionCloses.hits());
    sessionCloses.remove();
  }

  @Test
  void databaseMetaDataListsCatalogsSchemasTablesAndColumns() throws SQLException {
    DatabaseMetaData meta = connection.getMetaData();
    List<String> catalogs = new ArrayList<>();
    try (ResultSet rs = meta.getCatalogs()) {
      while (rs.next()) {
        catalogs.add(rs.getString("TABLE_CAT"));
      }
    }
    assertTrue(catalogs.contains("main"), catalogs.toString());
    List<String> schemas = new ArrayList<>();
    try (ResultSet rs = meta.getSchemas("main", null)) {
      while (rs.next()) {
        schemas.add(rs.getString("TABLE_SCHEM"));
      }
    }
    assertTrue(schemas.contains("fidelity"), schemas.toString());
    List<String> tables = new ArrayList<>();
    try (ResultSet rs = meta.getTables("main", "fidelity", "%", null)) {
      while (rs.next()) {
        tables.add(rs.getString("TABLE_NAME"));
      }
    }
    assertEquals(List.of("people"), tables);
    List<String> columns = new ArrayList<>();
    try (ResultSet rs = meta.getColumns("main", "fidelity", "people", "%")) {
      while (rs.next()) {
        columns.add(rs.getString("COLUMN_NAME") + ":" + rs.getInt("DATA_TYPE"));
      }
    }
    assertEquals(List.of("id:" + Types.INTEGER, "name:" + Types.VARCHAR, "score:" + Types.DECIMAL,
        "born:" + Types.DATE), columns);
  }

  @Test
  void aFailingQueryIsAnSqlExceptionWithTheMessage() throws SQLException {
    try (Statement statement = connection.createStatement()) {
      SQLException e = assertThrows(SQLException.class, () -> statement.executeQuery("SELECT * FROM no_such_table"));
      assertTrue(String.valueOf(e.getMessage()).contains("no_such_table"), e.getMessage());
    }
  }
}
