package dev.kiln.emulator.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Databricks' three-level namespace over DuckDB's: catalog {@code main} is DuckDB's default database
 * ({@code memory}, as DuckDB reserves the name {@code main}), every other catalog an attached in-memory
 * database of the same name; schema {@code default} is DuckDB's {@code main} schema in every catalog. Names
 * are compared case-insensitively and reported in lower case, as Unity Catalog stores them. Reads the
 * engine's own catalog, so tables made by statements and by the API are the same tables.
 */
final class Namespace {
  static final String DEFAULT_CATALOG = "main";
  static final String DEFAULT_SCHEMA = "default";
  private static final String DUCK_DEFAULT_DB = "memory";
  private static final String DUCK_DEFAULT_SCHEMA = "main";

  private Namespace() {}

  static String toDuckCatalog(String catalog) {
    return catalog.equalsIgnoreCase(DEFAULT_CATALOG) ? DUCK_DEFAULT_DB : catalog.toLowerCase(Locale.ROOT);
  }

  static String fromDuckCatalog(String database) {
    return database.equalsIgnoreCase(DUCK_DEFAULT_DB) ? DEFAULT_CATALOG : database;
  }

  static String toDuckSchema(String schema) {
    return schema.equalsIgnoreCase(DEFAULT_SCHEMA) ? DUCK_DEFAULT_SCHEMA : schema.toLowerCase(Locale.ROOT);
  }

  static String fromDuckSchema(String schema) {
    return schema.equalsIgnoreCase(DUCK_DEFAULT_SCHEMA) ? DEFAULT_SCHEMA : schema;
  }

  /** {@code "db"."schema"} of DuckDB for a Databricks catalog and schema. */
  static String duckSchemaPath(String catalog, String schema) {
    return SparkSqlTranslator.quote(toDuckCatalog(catalog)) + "." + SparkSqlTranslator.quote(toDuckSchema(schema));
  }

  static String duckTablePath(String catalog, String schema, String table) {
    return duckSchemaPath(catalog, schema) + "." + SparkSqlTranslator.quote(table);
  }

  /** The catalogs users see, sorted. */
  static List<String> catalogs(Connection connection) throws SQLException {
    List<String> names = new ArrayList<>();
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery("SELECT database_name FROM duckdb_databases() WHERE NOT internal"
            + " AND database_name NOT IN ('system', 'temp') ORDER BY database_name")) {
      while (rs.next()) {
        names.add(fromDuckCatalog(rs.getString(1)));
      }
    }
    names.sort(String::compareTo);
    return names;
  }

  static boolean catalogExists(Connection connection, String catalog) throws SQLException {
    return catalogs(connection).stream().anyMatch(c -> c.equalsIgnoreCase(catalog));
  }

  /** The schemas of a catalog, sorted; DuckDB's own {@code pg_catalog} and {@code information_schema} hidden. */
  static List<String> schemas(Connection connection, String catalog) throws SQLException {
    List<String> names = new ArrayList<>();
    try (PreparedStatement s = connection.prepareStatement("SELECT schema_name FROM duckdb_schemas()"
        + " WHERE database_name = ? AND schema_name NOT IN ('information_schema', 'pg_catalog') ORDER BY schema_name")) {
      s.setString(1, toDuckCatalog(catalog));
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          names.add(fromDuckSchema(rs.getString(1)));
        }
      }
    }
    names.sort(String::compareTo);
    return names;
  }

  static boolean schemaExists(Connection connection, String catalog, String schema) throws SQLException {
    return schemas(connection, catalog).stream().anyMatch(s -> s.equalsIgnoreCase(schema));
  }

  /** One table or view of the engine. */
  static final class TableRef {
    final String catalog;
    final String schema;
    final String name;
    final boolean view;
    final String comment;
    final String viewDefinition;

    TableRef(String catalog, String schema, String name, boolean view, String comment, String viewDefinition) {
      this.catalog = catalog;
      this.schema = schema;
      this.name = name;
      this.view = view;
      this.comment = comment;
      this.viewDefinition = viewDefinition;
    }

    String fullName() {
      return catalog + "." + schema + "." + name;
    }
  }

  /** Tables and views; null arguments match everything. Sorted by catalog, schema, name. */
  static List<TableRef> tables(Connection connection, String catalog, String schema, String table)
      throws SQLException {
    String sql = "SELECT database_name, schema_name, table_name, false AS is_view, comment, NULL AS sql"
        + " FROM duckdb_tables() WHERE NOT internal AND NOT temporary"
        + " UNION ALL SELECT database_name, schema_name, view_name, true, comment, sql FROM duckdb_views()"
        + " WHERE NOT internal AND NOT temporary"
        + " ORDER BY 1, 2, 3";
    List<TableRef> out = new ArrayList<>();
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        String db = rs.getString(1);
        if (db.equals("system") || db.equals("temp")) {
          continue;
        }
        TableRef ref = new TableRef(fromDuckCatalog(db), fromDuckSchema(rs.getString(2)), rs.getString(3),
            rs.getBoolean(4), rs.getString(5), rs.getString(6));
        if ((catalog == null || ref.catalog.equalsIgnoreCase(catalog))
            && (schema == null || ref.schema.equalsIgnoreCase(schema))
            && (table == null || ref.name.equalsIgnoreCase(table))) {
          out.add(ref);
        }
      }
    }
    return out;
  }

  /** One column of a table, with its Databricks type. */
  static final class ColumnRef {
    final String name;
    final int position;
    final ColumnType type;
    final boolean nullable;
    final String comment;

    ColumnRef(String name, int position, ColumnType type, boolean nullable, String comment) {
      this.name = name;
      this.position = position;
      this.type = type;
      this.nullable = nullable;
      this.comment = comment;
    }
  }

  static List<ColumnRef> columns(Connection connection, TableRef table) throws SQLException {
    List<ColumnRef> out = new ArrayList<>();
    try (PreparedStatement s = connection.prepareStatement("SELECT column_name, column_index, data_type,"
        + " is_nullable, comment FROM duckdb_columns() WHERE database_name = ? AND schema_name = ?"
        + " AND table_name = ? ORDER BY column_index")) {
      s.setString(1, toDuckCatalog(table.catalog));
      s.setString(2, toDuckSchema(table.schema));
      s.setString(3, table.name);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          out.add(new ColumnRef(rs.getString(1), rs.getInt(2) - 1, ColumnType.fromDuckDb(rs.getString(3)),
              rs.getBoolean(4), rs.getString(5)));
        }
      }
    }
    return out;
  }

  /** The connection's current catalog and schema, in Databricks' names. */
  static String[] current(Connection connection) throws SQLException {
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery("SELECT current_database(), current_schema()")) {
      rs.next();
      return new String[] {fromDuckCatalog(rs.getString(1)), fromDuckSchema(rs.getString(2))};
    }
  }

  /**
   * Spark's SHOW pattern: {@code *} any run of characters, {@code |} between alternatives, matched
   * case-insensitively against the whole name; the JDBC driver's {@code %} and {@code _} work too.
   */
  static boolean matches(String pattern, String name) {
    if (pattern == null) {
      return true;
    }
    for (String alternative : pattern.split("\\|")) {
      StringBuilder regex = new StringBuilder();
      for (char c : alternative.trim().toCharArray()) {
        if (c == '*' || c == '%') {
          regex.append(".*");
        } else if (c == '_') {
          regex.append('.');
        } else {
          regex.append(java.util.regex.Pattern.quote(String.valueOf(c)));
        }
      }
      if (java.util.regex.Pattern.compile(regex.toString(), java.util.regex.Pattern.CASE_INSENSITIVE)
          .matcher(name).matches()) {
        return true;
      }
    }
    return false;
  }
}
