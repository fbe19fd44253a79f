package dev.kiln.emulator.internal;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.duckdb.DuckDBConnection;

/**
 * The workspace's SQL engine: one in-memory DuckDB database shared by every warehouse. Each statement runs on
 * its own duplicated connection, so statements run concurrently and {@code USE} stays per statement.
 */
final class SqlEngine implements AutoCloseable {
  /** INLINE results larger than this fail, as on Databricks. */
  static final long INLINE_LIMIT_BYTES = 25L * 1024 * 1024;

  /** Stands in for the 100 GiB EXTERNAL_LINKS limit: results are held in memory, so stop (truncated) here. */
  static final long MAX_RESULT_BYTES = 256L * 1024 * 1024;

  private final long maxResultBytes;

  /** Lets a running statement be interrupted from another thread. */
  interface CancelHook {
    /** Called once the JDBC statement exists; false means it was cancelled already. */
    boolean started(Statement running);

    void finished();
  }

  /**
   * Opened on a thread of its own: loading DuckDB's native library takes about half a second, which the rest
   * of the workspace's start-up overlaps. {@link #awaitOpen()} reports a failure to open.
   */
  private final CompletableFuture<DuckDBConnection> root = new CompletableFuture<>();

  SqlEngine() {
    this(MAX_RESULT_BYTES);
  }

  /** {@code maxResultBytes}: EXTERNAL_LINKS results are cut there and marked truncated. */
  SqlEngine(long maxResultBytes) {
    this.maxResultBytes = maxResultBytes;
    Thread opener = new Thread(this::open, "kiln-workspace-duckdb-open");
    opener.setDaemon(true);
    opener.start();
  }

  private void open() {
    try {
      DuckDBConnection connection = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:");
      try (Statement statement = connection.createStatement()) {
        // Databricks workspaces have the legacy metastore as a catalog beside main.
        statement.execute("ATTACH ':memory:' AS hive_metastore");
      }
      root.complete(connection);
    } catch (SQLException | RuntimeException | Error e) {
      root.completeExceptionally(new IllegalStateException("cannot open the embedded DuckDB database", e));
    }
  }

  /** Waits until the database is open; throws what opening it failed with. */
  void awaitOpen() {
    root();
  }

  private DuckDBConnection root() {
    try {
      return root.join();
    } catch (java.util.concurrent.CompletionException e) {
      throw e.getCause() instanceof RuntimeException ? (RuntimeException) e.getCause() : e;
    }
  }

  /** Runs {@code work} on a connection of its own (for the Unity Catalog API, which reads the same catalog). */
  <T> T withConnection(SqlWork<T> work) {
    try (Connection connection = connect()) {
      return work.apply(connection);
    } catch (SQLException e) {
      throw SqlFailure.from(e);
    }
  }

  /** Work on a connection. */
  interface SqlWork<T> {
    T apply(Connection connection) throws SQLException;
  }

  private Connection connect() throws SQLException {
    return root().duplicate();
  }

  /** Runs setup SQL (one or more Spark SQL statements separated by {@code ;}; {@code USE} lasts to the end). */
  void executeScript(String sql) {
    try (Connection connection = connect();
        Statement statement = connection.createStatement()) {
      for (List<SqlTokens.Node> tree : SqlTokens.splitStatements(SqlTokens.parse(sql))) {
        if (SparkCommands.handles(tree)) {
          SparkCommands.run(connection, tree);
          continue;
        }
        SparkSqlTranslator.Translated translated = SparkSqlTranslator.translate(tree, Collections.emptyMap());
        statement.execute(translated.sql);
        for (String followUp : translated.followUps) {
          statement.execute(followUp);
        }
      }
    } catch (SQLException e) {
      throw new IllegalArgumentException(SqlFailure.from(e).getMessage(), e);
    } catch (SqlFailure e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  /** Runs a query and returns its rows as column name → JDBC value, for tests and seeding checks. */
  List<Map<String, Object>> query(String sql) {
    String translated;
    try {
      List<SqlTokens.Node> tree = SqlTokens.parse(sql);
      if (SparkCommands.handles(tree)) {
        return withConnection(connection -> rowsOf(SparkCommands.run(connection, tree)));
      }
      translated = SparkSqlTranslator.translate(tree, Collections.emptyMap()).sql;
    } catch (SqlFailure e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
    try (Connection connection = connect();
        Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery(translated)) {
      ResultSetMetaData meta = rs.getMetaData();
      List<Map<String, Object>> rows = new ArrayList<>();
      while (rs.next()) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
          row.put(meta.getColumnLabel(i), rs.getObject(i));
        }
        rows.add(row);
      }
      return rows;
    } catch (SQLException e) {
      throw new IllegalArgumentException(SqlFailure.from(e).getMessage(), e);
    }
  }

  /** The result columns of a Spark SQL query, in Databricks' types, without running it. */
  List<ResultColumn> describeQuery(String sql) {
    return withConnection(connection -> SparkCommands.describeQuery(connection, SqlTokens.parse(sql)));
  }

  private static List<Map<String, Object>> rowsOf(QueryResult result) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (String[] values : result.rows()) {
      Map<String, Object> row = new LinkedHashMap<>();
      for (ResultColumn column : result.columns()) {
        row.put(column.name(), values[column.position()]);
      }
      rows.add(row);
    }
    return rows;
  }

  /** Makes {@code name} usable as the first part of three-part names ({@code name.schema.table}). */
  void createCatalog(String name) {
    if (!name.equalsIgnoreCase(Namespace.DEFAULT_CATALOG)) {
      executeScript("CREATE CATALOG IF NOT EXISTS " + SparkSqlTranslator.quote(name).replace('"', '`'));
    }
  }

  /**
   * Runs one API statement.
   *
   * @throws SqlFailure when the SQL fails (the statement is then FAILED)
   * @throws SQLException when the hook interrupted it (the caller decides it was cancelled)
   */
  QueryResult run(StatementRequest request, CancelHook hook) throws SQLException {
    List<SqlTokens.Node> tree = SqlTokens.parse(request.statement());
    boolean command = SparkCommands.handles(tree);
    SparkSqlTranslator.Translated translated =
        command ? null : SparkSqlTranslator.translate(tree, request.parameters());
    try (Connection connection = connect()) {
      use(connection, request.catalog(), request.schema());
      if (command) {
        QueryResult result = SparkCommands.run(connection, tree);
        if (request.session() != null && SparkCommands.isUse(tree)) {
          String[] now = Namespace.current(connection);
          request.session().use(now[0], now[1]); // the session's later statements start there
        }
        return result;
      }
      try (PreparedStatement statement = connection.prepareStatement(translated.sql)) {
        for (int i = 0; i < translated.bindings.size(); i++) {
          statement.setString(i + 1, translated.bindings.get(i).value());
        }
        if (!hook.started(statement)) {
          throw new SQLException("cancelled before it started");
        }
        try {
          if (statement.execute()) {
            try (ResultSet rs = statement.getResultSet()) {
              return read(rs, request, maxResultBytes);
            }
          }
          int updated = statement.getUpdateCount();
          try (Statement followUp = connection.createStatement()) {
            for (String sql : translated.followUps) {
              followUp.execute(sql);
            }
          }
          return affectedRows(updated);
        } finally {
          hook.finished();
        }
      }
    }
  }

  private static void use(Connection connection, String catalog, String schema) throws SQLException {
    if (catalog == null && schema == null) {
      return;
    }
    // Databricks' default catalog and schema names map onto DuckDB's defaults.
    String db = catalog == null ? null : Namespace.toDuckCatalog(catalog);
    String sch = schema == null ? null : Namespace.toDuckSchema(schema);
    String target = db == null ? quote(sch) : sch == null ? quote(db) : quote(db) + "." + quote(sch);
    try (Statement statement = connection.createStatement()) {
      statement.execute("USE " + target);
    } catch (SQLException e) {
      throw SqlFailure.from(e);
    }
  }

  private static QueryResult read(ResultSet rs, StatementRequest request, long maxResultBytes) throws SQLException {
    ResultSetMetaData meta = rs.getMetaData();
    List<ResultColumn> columns = new ArrayList<>();
    for (int i = 1; i <= meta.getColumnCount(); i++) {
      columns.add(new ResultColumn(meta.getColumnLabel(i), i - 1, ColumnType.fromDuckDb(meta.getColumnTypeName(i))));
    }
    boolean inline = request.disposition() == StatementRequest.Disposition.INLINE;
    boolean arrow = request.format() == ResultFormat.ARROW_STREAM;
    long maxBytes = inline ? INLINE_LIMIT_BYTES : maxResultBytes;
    Long rowLimit = request.rowLimit();
    Long byteLimit = request.byteLimit();
    List<String[]> rows = new ArrayList<>();
    long bytes = 0;
    boolean truncated = false;
    while (rs.next()) {
      if (rowLimit != null && rows.size() >= rowLimit) {
        truncated = true;
        break;
      }
      String[] row = new String[columns.size()];
      long rowBytes = 2;
      for (int i = 0; i < row.length; i++) {
        row[i] = ValueFormatter.format(rs, i + 1, columns.get(i).type(), arrow);
        rowBytes += row[i] == null ? 5 : row[i].length() + 3;
      }
      if (byteLimit != null && bytes + rowBytes > byteLimit) {
        truncated = true;
        break;
      }
      if (bytes + rowBytes > maxBytes) {
        if (inline) {
          throw SqlFailure.inlineLimitExceeded(bytes + rowBytes, maxBytes);
        }
        truncated = true;
        break;
      }
      bytes += rowBytes;
      rows.add(row);
    }
    return new QueryResult(columns, rows, truncated);
  }

  /** DML answers like Spark: one row with {@code num_affected_rows}; DDL has no result columns. */
  private static QueryResult affectedRows(int updateCount) {
    if (updateCount < 0) {
      return new QueryResult(Collections.emptyList(), Collections.emptyList(), false);
    }
    ResultColumn column = new ResultColumn("num_affected_rows", 0, ColumnType.fromDuckDb("BIGINT"));
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {Integer.toString(updateCount)});
    return new QueryResult(List.of(column), rows, false);
  }

  static String quote(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }

  @Override
  public void close() {
    try {
      root.join().close(); // waits for an open still under way, so nothing is left behind
    } catch (SQLException | RuntimeException e) {
      // Closing (or never having opened) an in-memory database cannot lose anything worth reporting.
    }
  }
}
