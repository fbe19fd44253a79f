package dev.kiln.emulator.internal;

import dev.kiln.emulator.internal.Namespace.ColumnRef;
import dev.kiln.emulator.internal.Namespace.TableRef;
import dev.kiln.emulator.internal.SqlTokens.Kind;
import dev.kiln.emulator.internal.SqlTokens.Node;
import dev.kiln.emulator.internal.SqlTokens.Token;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Spark's catalog commands, answered from the engine's catalog in Databricks' result shapes:
 *
 * <ul>
 *   <li>{@code USE [CATALOG | SCHEMA | DATABASE] name};
 *   <li>{@code SHOW CATALOGS [[LIKE] 'p']} → {@code catalog};
 *   <li>{@code SHOW SCHEMAS|DATABASES [IN|FROM catalog] [[LIKE] 'p']} → {@code databaseName}; {@code IN ALL
 *       CATALOGS} adds {@code catalogName};
 *   <li>{@code SHOW TABLES [IN|FROM [catalog.]schema] [[LIKE] 'p']} → {@code database, tableName,
 *       isTemporary}; the JDBC driver's metadata forms {@code SHOW TABLES IN CATALOG c | IN ALL CATALOGS
 *       [SCHEMA LIKE 's'] [LIKE 't']} → {@code catalogName, namespace, tableName, tableType, remarks};
 *   <li>{@code SHOW VIEWS [IN|FROM schema] [[LIKE] 'p']} → {@code namespace, viewName, isTemporary};
 *   <li>{@code SHOW COLUMNS IN|FROM table [IN|FROM schema]} → {@code col_name}; the driver's {@code SHOW
 *       COLUMNS IN CATALOG c | IN ALL CATALOGS [SCHEMA LIKE] [TABLE LIKE] [LIKE]} → JDBC-style columns;
 *   <li>{@code DESCRIBE [TABLE] [EXTENDED] name} → {@code col_name, data_type, comment}.
 * </ul>
 *
 * Other SHOW and DESCRIBE forms fail with {@code UNSUPPORTED_FEATURE}.
 */
final class SparkCommands {
  private static final ColumnType STRING = ColumnType.fromDuckDb("VARCHAR");
  private static final ColumnType BOOLEAN = ColumnType.fromDuckDb("BOOLEAN");
  private static final ColumnType INT = ColumnType.fromDuckDb("INTEGER");

  private final Connection connection;
  private final List<Token> words;
  private int at;

  private SparkCommands(Connection connection, List<Token> words) {
    this.connection = connection;
    this.words = words;
  }

  /** Whether the statement is a USE command (it changes the current catalog or schema). */
  static boolean isUse(List<Node> tree) {
    List<Node> significant = SqlTokens.significant(tree);
    return !significant.isEmpty() && SqlTokens.isWord(significant.get(0), "USE");
  }

  /** Whether the statement is one of these commands (its first word is USE, SHOW, DESCRIBE or DESC). */
  static boolean handles(List<Node> tree) {
    List<Node> significant = SqlTokens.significant(tree);
    if (significant.isEmpty()) {
      return false;
    }
    Node first = significant.get(0);
    return SqlTokens.isWord(first, "USE") || SqlTokens.isWord(first, "SHOW") || SqlTokens.isWord(first, "DESCRIBE")
        || SqlTokens.isWord(first, "DESC");
  }

  static QueryResult run(Connection connection, List<Node> tree) throws SQLException {
    List<Node> query = describedQuery(tree);
    if (query != null) {
      List<String[]> rows = new ArrayList<>();
      for (ResultColumn column : describeQuery(connection, query)) {
        rows.add(new String[] {column.name(), column.type().catalogString(), null});
      }
      return result(List.of("col_name", "data_type", "comment"), List.of(STRING, STRING, STRING), rows);
    }
    List<Token> words = new ArrayList<>();
    for (Node n : SqlTokens.significant(tree)) {
      if (!(n instanceof Token)) {
        throw SqlTokens.syntax("unexpected '(' in " + SqlTokens.source(tree).trim());
      }
      if (!((Token) n).isOp(";")) {
        words.add((Token) n);
      }
    }
    return new SparkCommands(connection, words).run();
  }

  private QueryResult run() throws SQLException {
    Token first = next();
    if (first.isWord("USE")) {
      return use();
    }
    if (first.isWord("SHOW")) {
      return show();
    }
    return describe();
  }

  /** The query of {@code DESCRIBE [QUERY] SELECT|WITH|VALUES|FROM ...}, or null for other statements. */
  private static List<Node> describedQuery(List<Node> tree) {
    int i = 0;
    List<Node> rest = tree;
    while (i < rest.size() && SqlTokens.isTrivia(rest.get(i))) {
      i++;
    }
    if (i >= rest.size() || !(SqlTokens.isWord(rest.get(i), "DESCRIBE") || SqlTokens.isWord(rest.get(i), "DESC"))) {
      return null;
    }
    i++;
    while (i < rest.size() && SqlTokens.isTrivia(rest.get(i))) {
      i++;
    }
    if (i < rest.size() && SqlTokens.isWord(rest.get(i), "QUERY")) {
      return rest.subList(i + 1, rest.size());
    }
    for (String start : new String[] {"SELECT", "WITH", "VALUES", "FROM"}) {
      if (i < rest.size() && SqlTokens.isWord(rest.get(i), start)) {
        return rest.subList(i, rest.size());
      }
    }
    return null;
  }

  /** The result columns a query would have, without running it. */
  static List<ResultColumn> describeQuery(Connection connection, List<Node> query) throws SQLException {
    SparkSqlTranslator.Translated translated = SparkSqlTranslator.translate(query, java.util.Map.of());
    List<ResultColumn> columns = new ArrayList<>();
    try (Statement s = connection.createStatement();
        java.sql.ResultSet rs = s.executeQuery("DESCRIBE " + translated.sql)) {
      while (rs.next()) {
        columns.add(new ResultColumn(rs.getString("column_name"), columns.size(),
            ColumnType.fromDuckDb(rs.getString("column_type"))));
      }
    }
    return columns;
  }

  // ---- USE ------------------------------------------------------------------------------------

  private QueryResult use() throws SQLException {
    String[] current = Namespace.current(connection);
    String catalog;
    String schema;
    if (acceptWord("CATALOG")) {
      catalog = name();
      schema = Namespace.DEFAULT_SCHEMA;
    } else {
      boolean schemaKeyword = acceptWord("SCHEMA") || acceptWord("DATABASE") || acceptWord("NAMESPACE");
      List<String> parts = dottedName();
      if (parts.size() == 2) {
        catalog = parts.get(0);
        schema = parts.get(1);
      } else if (!schemaKeyword && Namespace.catalogExists(connection, parts.get(0))
          && !Namespace.schemaExists(connection, current[0], parts.get(0))) {
        catalog = parts.get(0); // USE name: a schema of the current catalog first, else a catalog
        schema = Namespace.DEFAULT_SCHEMA;
      } else {
        catalog = current[0];
        schema = parts.get(0);
      }
    }
    end();
    requireSchema(catalog, schema);
    try (Statement s = connection.createStatement()) {
      s.execute("USE " + Namespace.duckSchemaPath(catalog, schema));
    }
    return new QueryResult(List.of(), List.of(), false);
  }

  // ---- SHOW -----------------------------------------------------------------------------------

  private QueryResult show() throws SQLException {
    Token what = next();
    switch (what.upper()) {
      case "CATALOGS":
        return showCatalogs();
      case "SCHEMAS":
      case "DATABASES":
      case "NAMESPACES":
        return showSchemas();
      case "TABLES":
        return showTables(false);
      case "VIEWS":
        return showTables(true);
      case "COLUMNS":
        return showColumns();
      default:
        throw SparkSqlTranslator.unsupported("SHOW " + what.upper());
    }
  }

  private QueryResult showCatalogs() throws SQLException {
    String pattern = likePattern();
    end();
    List<String[]> rows = new ArrayList<>();
    for (String catalog : Namespace.catalogs(connection)) {
      if (Namespace.matches(pattern, catalog)) {
        rows.add(new String[] {catalog});
      }
    }
    return result(List.of("catalog"), List.of(STRING), rows);
  }

  private QueryResult showSchemas() throws SQLException {
    String catalog = Namespace.current(connection)[0];
    boolean all = false;
    if (acceptWord("IN") || acceptWord("FROM")) {
      if (acceptWord("ALL")) {
        expectWord("CATALOGS");
        all = true;
      } else {
        catalog = name();
      }
    }
    String pattern = likePattern();
    end();
    List<String[]> rows = new ArrayList<>();
    List<String> catalogs = all ? Namespace.catalogs(connection) : List.of(requireCatalog(catalog));
    for (String c : catalogs) {
      for (String schema : Namespace.schemas(connection, c)) {
        if (Namespace.matches(pattern, schema)) {
          rows.add(all ? new String[] {schema, c} : new String[] {schema});
        }
      }
    }
    return all
        ? result(List.of("databaseName", "catalogName"), List.of(STRING, STRING), rows)
        : result(List.of("databaseName"), List.of(STRING), rows);
  }

  private QueryResult showTables(boolean views) throws SQLException {
    String[] current = Namespace.current(connection);
    String catalog = current[0];
    String schema = current[1];
    if (acceptWord("IN") || acceptWord("FROM")) {
      if (!views && (peekWord("CATALOG") || peekWord("ALL"))) {
        return metadataTables();
      }
      List<String> parts = dottedName();
      if (parts.size() == 2) {
        catalog = parts.get(0);
      }
      schema = parts.get(parts.size() - 1);
    }
    String pattern = likePattern();
    end();
    requireSchema(catalog, schema);
    List<String[]> rows = new ArrayList<>();
    for (TableRef t : Namespace.tables(connection, catalog, schema, null)) {
      if ((!views || t.view) && Namespace.matches(pattern, t.name)) {
        rows.add(new String[] {t.schema, t.name, "false"}); // no temporary views: each statement is its own session
      }
    }
    return views
        ? result(List.of("namespace", "viewName", "isTemporary"), List.of(STRING, STRING, BOOLEAN), rows)
        : result(List.of("database", "tableName", "isTemporary"), List.of(STRING, STRING, BOOLEAN), rows);
  }

  /** {@code IN CATALOG c | IN ALL CATALOGS [SCHEMA LIKE 's'] [TABLE LIKE 't'] [LIKE 'x']}: catalog, patterns. */
  private String[] metadataScope(boolean withTable) throws SQLException {
    String catalog = null;
    if (acceptWord("ALL")) {
      expectWord("CATALOGS");
    } else {
      expectWord("CATALOG");
      catalog = requireCatalog(name());
    }
    String schemaPattern = null;
    String tablePattern = null;
    if (acceptWord("SCHEMA")) {
      expectWord("LIKE");
      schemaPattern = string();
    }
    if (withTable && acceptWord("TABLE")) {
      expectWord("LIKE");
      tablePattern = string();
    }
    String last = likePattern();
    end();
    return new String[] {catalog, schemaPattern, tablePattern, last};
  }

  private QueryResult metadataTables() throws SQLException {
    String[] scope = metadataScope(false);
    List<String[]> rows = new ArrayList<>();
    for (TableRef t : Namespace.tables(connection, scope[0], null, null)) {
      if (Namespace.matches(scope[1], t.schema) && Namespace.matches(scope[3], t.name)) {
        rows.add(new String[] {t.catalog, t.schema, t.name, t.view ? "VIEW" : "TABLE",
            t.comment == null ? "" : t.comment});
      }
    }
    return result(List.of("catalogName", "namespace", "tableName", "tableType", "remarks"),
        List.of(STRING, STRING, STRING, STRING, STRING), rows);
  }

  private QueryResult showColumns() throws SQLException {
    if (!acceptWord("IN") && !acceptWord("FROM")) {
      throw SqlTokens.syntax("SHOW COLUMNS needs IN or FROM");
    }
    if (peekWord("CATALOG") || peekWord("ALL")) {
      return metadataColumns();
    }
    List<String> parts = dottedName();
    String[] current = Namespace.current(connection);
    if (acceptWord("IN") || acceptWord("FROM")) {
      List<String> schemaParts = dottedName();
      List<String> joined = new ArrayList<>(schemaParts);
      joined.add(parts.get(parts.size() - 1));
      parts = joined;
    }
    end();
    TableRef table = resolveTable(parts, current);
    List<String[]> rows = new ArrayList<>();
    for (ColumnRef c : Namespace.columns(connection, table)) {
      rows.add(new String[] {c.name});
    }
    return result(List.of("col_name"), List.of(STRING), rows);
  }

  private QueryResult metadataColumns() throws SQLException {
    String[] scope = metadataScope(true);
    List<String[]> rows = new ArrayList<>();
    for (TableRef t : Namespace.tables(connection, scope[0], null, null)) {
      if (!Namespace.matches(scope[1], t.schema) || !Namespace.matches(scope[2], t.name)) {
        continue;
      }
      for (ColumnRef c : Namespace.columns(connection, t)) {
        if (!Namespace.matches(scope[3], c.name)) {
          continue;
        }
        Integer size = c.type.precision() != null ? c.type.precision() : columnSize(c.type);
        rows.add(new String[] {t.catalog, t.schema, t.name, c.name, Integer.toString(jdbcType(c.type)),
            c.type.catalogString().toUpperCase(Locale.ROOT), size == null ? null : size.toString(),
            c.type.scale() == null ? null : c.type.scale().toString(), numeric(c.type) ? "10" : null,
            c.nullable ? "YES" : "NO", c.comment == null ? "" : c.comment, Integer.toString(c.position + 1),
            "NO", "NO"});
      }
    }
    return result(
        List.of("catalogName", "namespace", "tableName", "col_name", "dataType", "columnType", "columnSize",
            "decimalDigits", "radix", "isNullable", "remarks", "ordinalPosition", "isAutoIncrement", "isGenerated"),
        List.of(STRING, STRING, STRING, STRING, INT, STRING, INT, INT, INT, STRING, STRING, INT, STRING, STRING),
        rows);
  }

  private static boolean numeric(ColumnType type) {
    switch (type.typeName()) {
      case "BYTE":
      case "SHORT":
      case "INT":
      case "LONG":
      case "FLOAT":
      case "DOUBLE":
      case "DECIMAL":
        return true;
      default:
        return false;
    }
  }

  private static Integer columnSize(ColumnType type) {
    switch (type.typeName()) {
      case "BYTE":
        return 3;
      case "SHORT":
        return 5;
      case "INT":
        return 10;
      case "LONG":
        return 19;
      case "FLOAT":
        return 7;
      case "DOUBLE":
        return 15;
      case "DATE":
        return 10;
      case "TIMESTAMP":
      case "TIMESTAMP_NTZ":
        return 29;
      case "BOOLEAN":
        return 1;
      default:
        return 255;
    }
  }

  /** java.sql.Types of a Databricks type. */
  private static int jdbcType(ColumnType type) {
    switch (type.typeName()) {
      case "BYTE":
        return java.sql.Types.TINYINT;
      case "SHORT":
        return java.sql.Types.SMALLINT;
      case "INT":
        return java.sql.Types.INTEGER;
      case "LONG":
        return java.sql.Types.BIGINT;
      case "FLOAT":
        return java.sql.Types.FLOAT;
      case "DOUBLE":
        return java.sql.Types.DOUBLE;
      case "DECIMAL":
        return java.sql.Types.DECIMAL;
      case "BOOLEAN":
        return java.sql.Types.BOOLEAN;
      case "DATE":
        return java.sql.Types.DATE;
      case "TIMESTAMP":
        return java.sql.Types.TIMESTAMP;
      case "TIMESTAMP_NTZ":
        return java.sql.Types.TIMESTAMP;
      case "BINARY":
        return java.sql.Types.BINARY;
      case "ARRAY":
        return java.sql.Types.ARRAY;
      case "STRUCT":
        return java.sql.Types.STRUCT;
      case "MAP":
        return java.sql.Types.JAVA_OBJECT;
      case "NULL":
        return java.sql.Types.NULL;
      default:
        return java.sql.Types.VARCHAR;
    }
  }

  // ---- DESCRIBE -------------------------------------------------------------------------------

  private QueryResult describe() throws SQLException {
    for (String form : new String[] {"SCHEMA", "DATABASE", "CATALOG", "HISTORY", "DETAIL", "FUNCTION",
        "VOLUME", "EXTERNAL", "CONNECTION", "SHARE", "RECIPIENT", "PROVIDER"}) {
      if (peekWord(form)) {
        throw SparkSqlTranslator.unsupported("DESCRIBE " + form);
      }
    }
    acceptWord("TABLE");
    boolean extended = acceptWord("EXTENDED") || acceptWord("FORMATTED");
    List<String> parts = dottedName();
    end();
    String[] current = Namespace.current(connection);
    TableRef table = resolveTable(parts, current);
    List<String[]> rows = new ArrayList<>();
    for (ColumnRef c : Namespace.columns(connection, table)) {
      rows.add(new String[] {c.name, c.type.catalogString(), c.comment});
    }
    if (extended) {
      rows.add(new String[] {"", "", ""});
      rows.add(new String[] {"# Detailed Table Information", "", ""});
      rows.add(new String[] {"Catalog", table.catalog, ""});
      rows.add(new String[] {"Database", table.schema, ""});
      rows.add(new String[] {"Table", table.name, ""});
      rows.add(new String[] {"Type", table.view ? "VIEW" : "MANAGED", ""});
      if (table.view) {
        rows.add(new String[] {"View Text", table.viewDefinition, ""});
      } else {
        rows.add(new String[] {"Provider", "delta", ""});
      }
      if (table.comment != null) {
        rows.add(new String[] {"Comment", table.comment, ""});
      }
    }
    return result(List.of("col_name", "data_type", "comment"), List.of(STRING, STRING, STRING), rows);
  }

  // ---- names and checks -----------------------------------------------------------------------

  private TableRef resolveTable(List<String> parts, String[] current) throws SQLException {
    if (parts.size() > 3) {
      throw SqlTokens.syntax("a table name has at most three parts");
    }
    String catalog = parts.size() == 3 ? parts.get(0) : current[0];
    String schema = parts.size() >= 2 ? parts.get(parts.size() - 2) : current[1];
    String name = parts.get(parts.size() - 1);
    List<TableRef> found = Namespace.tables(connection, catalog, schema, name);
    if (found.isEmpty()) {
      throw new SqlFailure("TABLE_OR_VIEW_NOT_FOUND", "42P01",
          "The table or view `" + catalog + "`.`" + schema + "`.`" + name + "` cannot be found. Verify the spelling"
              + " and correctness of the schema and catalog.");
    }
    return found.get(0);
  }

  private String requireCatalog(String catalog) throws SQLException {
    if (!Namespace.catalogExists(connection, catalog)) {
      throw new SqlFailure("NO_SUCH_CATALOG_EXCEPTION", "42704", "Catalog '" + catalog + "' was not found.");
    }
    return catalog.toLowerCase(Locale.ROOT);
  }

  private void requireSchema(String catalog, String schema) throws SQLException {
    requireCatalog(catalog);
    if (!Namespace.schemaExists(connection, catalog, schema)) {
      throw new SqlFailure("SCHEMA_NOT_FOUND", "42704",
          "The schema `" + catalog + "`.`" + schema + "` cannot be found. Verify the spelling and correctness of"
              + " the schema and catalog.");
    }
  }

  // ---- token reading --------------------------------------------------------------------------

  private Token next() {
    if (at >= words.size()) {
      throw SqlTokens.syntax("the statement ends early");
    }
    return words.get(at++);
  }

  private boolean peekWord(String word) {
    return at < words.size() && words.get(at).isWord(word);
  }

  private boolean acceptWord(String word) {
    if (peekWord(word)) {
      at++;
      return true;
    }
    return false;
  }

  private void expectWord(String word) {
    if (!acceptWord(word)) {
      throw SqlTokens.syntax("'" + word + "' expected" + (at < words.size() ? " at '" + words.get(at).text + "'" : ""));
    }
  }

  private String name() {
    Token t = next();
    if (!t.isName()) {
      throw SqlTokens.syntax("a name expected at '" + t.text + "'");
    }
    return t.value;
  }

  private List<String> dottedName() {
    List<String> parts = new ArrayList<>();
    parts.add(name());
    while (at < words.size() && words.get(at).isOp(".")) {
      at++;
      parts.add(name());
    }
    return parts;
  }

  private String string() {
    Token t = next();
    if (t.kind != Kind.STRING) {
      throw SqlTokens.syntax("a quoted pattern expected at '" + t.text + "'");
    }
    return t.value;
  }

  /** {@code [LIKE] 'pattern'}, or null when absent. */
  private String likePattern() {
    if (acceptWord("LIKE")) {
      return string();
    }
    if (at < words.size() && words.get(at).kind == Kind.STRING) {
      return string();
    }
    return null;
  }

  private void end() {
    if (at < words.size()) {
      throw SqlTokens.syntax("unexpected '" + words.get(at).text + "'");
    }
  }

  private static QueryResult result(List<String> names, List<ColumnType> types, List<String[]> rows) {
    List<ResultColumn> columns = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      columns.add(new ResultColumn(names.get(i), i, types.get(i)));
    }
    return new QueryResult(columns, rows, false);
  }
}
