package dev.kiln.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Spark SQL as Databricks users write it, over the wire: the three-level namespace, USE, SHOW, DESCRIBE,
 * Spark functions and literals, result types in Databricks' names, and Databricks' errors for what the
 * emulator does not run.
 */
class SparkDialectTest {
  static LocalWorkspace ws;
  static Wire wire;

  @BeforeAll
  static void start() {
    ws = LocalWorkspace.builder().start();
    wire = new Wire(ws);
    ws.sql().execute(
        "CREATE TABLE main.default.orders (id BIGINT NOT NULL COMMENT 'the key', amount DECIMAL(10,2),"
            + " tags ARRAY<STRING>, attrs MAP<STRING, INT>, address STRUCT<city: STRING, zip INT>, raw STRING,"
            + " placed TIMESTAMP_NTZ) USING DELTA PARTITIONED BY (id) COMMENT 'orders' TBLPROPERTIES ('a' = 'b');"
            + "INSERT INTO orders VALUES (1, 10.50, ARRAY('x', 'y'), MAP('k', 1), NAMED_STRUCT('city', 'Manila',"
            + " 'zip', 1000), '{\"name\": \"bir\", \"items\": [{\"sku\": \"a1\"}]}', TIMESTAMP_NTZ '2026-01-31 10:15:30');"
            + "CREATE SCHEMA main.sales; CREATE TABLE main.sales.q1 AS SELECT 1 AS n;"
            + "CREATE VIEW main.sales.v1 AS SELECT n FROM main.sales.q1;"
            + "CREATE CATALOG bronze; CREATE SCHEMA bronze.erp; CREATE TABLE bronze.erp.invoices (no INT)");
  }

  @AfterAll
  static void stop() {
    ws.close();
  }

  private static JsonNode ok(String sql) {
    JsonNode response = wire.execute(Wire.statement(ws, sql));
    assertEquals("SUCCEEDED", response.at("/status/state").asText(), sql + " -> " + response);
    return response;
  }

  private static JsonNode failed(String sql) {
    JsonNode response = wire.execute(Wire.statement(ws, sql));
    assertEquals("FAILED", response.at("/status/state").asText(), sql + " -> " + response);
    return response.at("/status/error");
  }

  private static List<String> columnNames(JsonNode response) {
    List<String> names = new ArrayList<>();
    response.at("/manifest/schema/columns").forEach(c -> names.add(c.path("name").asText()));
    return names;
  }

  private static List<String> types(JsonNode response) {
    List<String> types = new ArrayList<>();
    response.at("/manifest/schema/columns").forEach(c -> types.add(c.path("type_name").asText() + " "
        + c.path("type_text").asText()));
    return types;
  }

  private static List<String> column(JsonNode response, int index) {
    List<String> values = new ArrayList<>();
    response.at("/result/data_array").forEach(row -> values.add(row.get(index).isNull() ? null : row.get(index).asText()));
    return values;
  }

  @Test
  void currentCatalogAndSchemaAreMainAndDefault() {
    JsonNode r = ok("SELECT current_catalog(), current_schema(), current_database()");
    assertEquals("[[\"main\",\"default\",\"default\"]]", r.at("/result/data_array").toString());
    assertEquals(List.of("current_catalog()", "current_schema()", "current_database()"), columnNames(r));

    JsonNode inBronze = wire.execute(Wire.statement(ws, "SELECT current_catalog() AS c, current_schema() AS s")
        .put("catalog", "bronze").put("schema", "erp"));
    assertEquals("[[\"bronze\",\"erp\"]]", inBronze.at("/result/data_array").toString(), inBronze.toString());
  }

  @Test
  void showCatalogsSchemasTablesInDatabricksShape() {
    JsonNode catalogs = ok("SHOW CATALOGS");
    assertEquals(List.of("catalog"), columnNames(catalogs));
    assertTrue(column(catalogs, 0).containsAll(List.of("bronze", "hive_metastore", "main")), catalogs.toString());
    assertEquals(List.of("main"), column(ok("SHOW CATALOGS LIKE 'ma*'"), 0));

    JsonNode schemas = ok("SHOW SCHEMAS IN main");
    assertEquals(List.of("databaseName"), columnNames(schemas));
    assertEquals(List.of("default", "sales"), column(schemas, 0));
    assertEquals(List.of("sales"), column(ok("SHOW DATABASES FROM `main` LIKE 'sal*|nothing'"), 0));
    JsonNode all = ok("SHOW SCHEMAS IN ALL CATALOGS LIKE 'erp'");
    assertEquals(List.of("databaseName", "catalogName"), columnNames(all));
    assertEquals("[[\"erp\",\"bronze\"]]", all.at("/result/data_array").toString());

    JsonNode tables = ok("SHOW TABLES IN main.sales");
    assertEquals(List.of("database", "tableName", "isTemporary"), columnNames(tables));
    assertEquals("[[\"sales\",\"q1\",\"false\"],[\"sales\",\"v1\",\"false\"]]", tables.at("/result/data_array").toString());
    assertEquals(List.of("STRING STRING", "STRING STRING", "BOOLEAN BOOLEAN"), types(tables));
    assertEquals(List.of("orders"), column(ok("SHOW TABLES"), 1));
    assertEquals(List.of("v1"), column(ok("SHOW TABLES FROM sales LIKE 'v*'"), 1));
    assertEquals(List.of("v1"), column(ok("SHOW VIEWS IN main.sales"), 1));
  }

  @Test
  void theJdbcDriversMetadataQueriesAnswer() {
    JsonNode tables = ok("SHOW TABLES IN ALL CATALOGS LIKE '*'");
    assertEquals(List.of("catalogName", "namespace", "tableName", "tableType", "remarks"), columnNames(tables));
    assertTrue(column(tables, 2).containsAll(List.of("orders", "q1", "v1", "invoices")), tables.toString());

    JsonNode inCatalog = ok("SHOW TABLES IN CATALOG `main` SCHEMA LIKE 'sales' LIKE 'v%'");
    assertEquals("[[\"main\",\"sales\",\"v1\",\"VIEW\",\"\"]]", inCatalog.at("/result/data_array").toString());

    JsonNode columns = ok("SHOW COLUMNS IN CATALOG `main` SCHEMA LIKE 'default' TABLE LIKE 'orders' LIKE 'id|amount'");
    assertEquals(List.of("catalogName", "namespace", "tableName", "col_name", "dataType", "columnType", "columnSize",
        "decimalDigits", "radix", "isNullable", "remarks", "ordinalPosition", "isAutoIncrement", "isGenerated"),
        columnNames(columns));
    assertEquals("[\"main\",\"default\",\"orders\",\"id\",\"-5\",\"BIGINT\",\"19\",null,\"10\",\"NO\",\"the key\","
        + "\"1\",\"NO\",\"NO\"]", columns.at("/result/data_array/0").toString());
    assertEquals("[\"main\",\"default\",\"orders\",\"amount\",\"3\",\"DECIMAL(10,2)\",\"10\",\"2\",\"10\",\"YES\",\"\","
        + "\"2\",\"NO\",\"NO\"]", columns.at("/result/data_array/1").toString());

    assertEquals(List.of("id", "amount", "tags", "attrs", "address", "raw", "placed"),
        column(ok("SHOW COLUMNS IN orders IN default"), 0));
  }

  @Test
  void describeHasDatabricksColumnsAndTypes() {
    JsonNode d = ok("DESCRIBE TABLE main.default.orders");
    assertEquals(List.of("col_name", "data_type", "comment"), columnNames(d));
    assertEquals(List.of("bigint", "decimal(10,2)", "array<string>", "map<string,int>", "struct<city:string,zip:int>",
        "string", "timestamp_ntz"), column(d, 1));
    assertEquals("the key", column(d, 2).get(0));

    JsonNode extended = ok("DESC EXTENDED orders");
    List<String> names = column(extended, 0);
    assertTrue(names.contains("# Detailed Table Information"), names.toString());
    int table = names.indexOf("Table");
    assertEquals("orders", column(extended, 1).get(table));
    assertEquals("orders", column(extended, 1).get(names.indexOf("Comment")));
  }

  @Test
  void useSelectsTheNamespaceForTheRestOfTheStatement() {
    ws.sql().execute("USE CATALOG bronze; USE SCHEMA erp; CREATE TABLE made_here (x INT)");
    assertEquals(List.of("invoices", "made_here"), column(ok("SHOW TABLES IN bronze.erp"), 1));
    assertEquals("[]", ok("USE main.sales").at("/manifest/schema/columns").toString().replace("null", "[]"));
  }

  @Test
  void sparkFunctionsRunWithSparkTypes() {
    JsonNode r = ok("SELECT date_format(TIMESTAMP_NTZ '2026-01-31 10:05:09', 'yyyy-MM-dd HH:mm:ss') AS f,"
        + " date_format(DATE '2026-03-04', 'd/M/yy EEE') AS g,"
        + " named_struct('a', 1, 'b', 'x') AS ns, struct(id, 2) AS s, array(1, 2, 3) AS arr, map('k', 1) AS m,"
        + " to_date('2026-02-03') AS d1, to_date('03/02/2026', 'dd/MM/yyyy') AS d2,"
        + " date_trunc('MM', TIMESTAMP_NTZ '2026-05-17 08:00:00') AS t, raw:name AS n, raw:items[0].sku AS sku,"
        + " 10L AS l, 2.5BD AS bd, NULL AS nothing FROM orders");
    assertEquals("[\"2026-01-31 10:05:09\",\"4/3/26 Wed\",\"{\\\"a\\\":1,\\\"b\\\":\\\"x\\\"}\","
        + "\"{\\\"id\\\":1,\\\"col2\\\":2}\",\"[1,2,3]\",\"{\\\"k\\\":1}\",\"2026-02-03\",\"2026-02-03\","
        + "\"2026-05-01T00:00:00.000Z\",\"bir\",\"a1\",\"10\",\"2.5\",null]", r.at("/result/data_array/0").toString());
    assertEquals(List.of("STRING STRING", "STRING STRING", "STRUCT STRUCT<a: INT, b: STRING>",
        "STRUCT STRUCT<id: BIGINT, col2: INT>", "ARRAY ARRAY<INT>", "MAP MAP<STRING, INT>", "DATE DATE", "DATE DATE",
        "TIMESTAMP TIMESTAMP", "STRING STRING", "STRING STRING", "LONG BIGINT", "DECIMAL DECIMAL(2,1)",
        "NULL VOID"), types(r));
  }

  @Test
  void unaliasedItemsGetSparksColumnNames() {
    JsonNode r = ok("SELECT NULL, explode(array(1, 2)), date_format(DATE '2026-01-02', 'yyyy')");
    assertEquals(List.of("NULL", "col", "date_format(DATE '2026-01-02', yyyy)"), columnNames(r));
    assertEquals(List.of("NULL VOID", "INT INT", "STRING STRING"), types(r));
    assertEquals(List.of("1", "2"), column(r, 1));
    assertEquals(List.of("name", "sku", "id"), columnNames(ok("SELECT raw:name, raw:items[0].sku, id FROM orders")));
  }

  @Test
  void collectListSkipsNullsAndTimestampNtzKeepsItsType() {
    JsonNode r = ok("SELECT collect_list(v) AS l, collect_set(v) AS s FROM (SELECT explode(array(1, NULL, 1)) AS v)");
    assertEquals("[\"[1,1]\",\"[1]\"]", r.at("/result/data_array/0").toString());
    JsonNode ntz = ok("SELECT placed FROM orders");
    assertEquals(List.of("TIMESTAMP_NTZ TIMESTAMP_NTZ"), types(ntz));
    assertEquals("2026-01-31T10:15:30.000Z", column(ntz, 0).get(0));
  }

  @Test
  void stringsFollowSparkQuotingAndEscapes() {
    JsonNode r = ok("SELECT \"double\" AS a, 'it\\'s' AS b, 'tab\\there' AS c, `weird col` FROM (SELECT 1 AS `weird col`)");
    assertEquals("[\"double\",\"it's\",\"tab\\there\",\"1\"]", r.at("/result/data_array/0").toString());
  }

  @Test
  void unsupportedSparkSqlFailsWithDatabricksErrorClass() {
    for (String sql : new String[] {"OPTIMIZE orders", "VACUUM orders", "SELECT * FROM orders VERSION AS OF 1",
        "SELECT x FROM orders LATERAL VIEW explode(tags) t AS x", "SELECT from_json(raw, 'a INT') FROM orders",
        "GRANT SELECT ON TABLE orders TO `someone`", "SHOW GRANTS ON TABLE orders", "DESCRIBE HISTORY orders",
        "ALTER TABLE orders SET TBLPROPERTIES ('a' = 'b')"}) {
      JsonNode error = failed(sql);
      assertTrue(error.path("message").asText().startsWith("[UNSUPPORTED_FEATURE]"), sql + " -> " + error);
      assertTrue(error.path("message").asText().endsWith("SQLSTATE: 0A000"), sql + " -> " + error);
    }
  }

  @Test
  void missingNamespacesFailWithDatabricksErrorClasses() {
    assertTrue(failed("SHOW SCHEMAS IN nowhere").path("message").asText().startsWith("[NO_SUCH_CATALOG_EXCEPTION]"));
    assertTrue(failed("SHOW TABLES IN main.nowhere").path("message").asText().startsWith("[SCHEMA_NOT_FOUND]"));
    assertTrue(failed("DESCRIBE main.default.nothing").path("message").asText().startsWith("[TABLE_OR_VIEW_NOT_FOUND]"));
    assertTrue(failed("SELECT date_format(DATE '2026-01-01', 'yyyy', 'x')").path("message").asText()
        .startsWith("[WRONG_NUM_ARGS.WITHOUT_SUGGESTION]"));
  }
}
