package dev.kiln.emulator.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SparkSqlTranslatorTest {
  private static Map<String, SqlParameter> params(String... nameTypePairs) {
    Map<String, SqlParameter> result = new LinkedHashMap<>();
    for (int i = 0; i < nameTypePairs.length; i += 2) {
      ObjectNode node = Json.object().put("name", nameTypePairs[i]).put("value", "1").put("type", nameTypePairs[i + 1]);
      result.put(nameTypePairs[i], SqlParameter.parse(node));
    }
    return result;
  }

  private static String translate(String sql, Map<String, SqlParameter> parameters) {
    return SparkSqlTranslator.translate(sql, parameters).sql;
  }

  @Test
  void markersBecomeTypedPlaceholdersOutsideLiteralsAndComments() {
    SparkSqlTranslator.Translated translated =
        SparkSqlTranslator.translate(
            "SELECT :a, ':a', \":a\" -- :a\n, x::INT /* :a */ FROM t WHERE y = :b AND z = :a",
            params("a", "INT", "b", "DECIMAL(5,2)"));

    // Double quotes delimit string literals in Spark SQL (DuckDB would read an identifier).
    assertEquals(
        "SELECT CAST(? AS INTEGER), ':a', ':a' -- :a\n, x::INT /* :a */ FROM t WHERE y = CAST(? AS DECIMAL(5,2))"
            + " AND z = CAST(? AS INTEGER)",
        translated.sql);
    assertEquals(List.of("a", "b", "a"), translated.bindings.stream().map(SqlParameter::name).collect(Collectors.toList()));
  }

  @Test
  void backticksBecomeDoubleQuotes() {
    assertEquals("SELECT \"my col\", \"a\"\"b\" FROM \"t\"", translate("SELECT `my col`, `a\"b` FROM `t`", Map.of()));
  }

  @Test
  void sparkRangeBecomesASubqueryWithAnIdColumn() {
    assertEquals("SELECT id FROM (SELECT range AS id FROM range(10))", translate("SELECT id FROM range(10)", Map.of()));
    assertEquals(
        "SELECT * FROM (SELECT range AS id FROM range(1, CAST(? AS BIGINT), 2)) r JOIN RANGE_T x",
        translate("SELECT * FROM RANGE (1, :n, 2, 8) r JOIN RANGE_T x", params("n", "BIGINT")));
    assertEquals("SELECT s.range(3), range FROM t", translate("SELECT s.range(3), range FROM t", Map.of()));
  }

  @Test
  void anUnboundMarkerIsASqlError() {
    SqlFailure failure = assertThrows(SqlFailure.class, () -> translate("SELECT :x", Map.of()));
    assertEquals("42P02", failure.sqlState());
  }

  @Test
  void duckDbTypesMapToDatabricksTypeNames() {
    assertEquals("ARRAY<MAP<STRING, ARRAY<INT>>>", ColumnType.fromDuckDb("MAP(VARCHAR, INTEGER[])[]").typeText());
    assertEquals("STRUCT<a b: BIGINT, c: DECIMAL(10,2)>",
        ColumnType.fromDuckDb("STRUCT(\"a b\" BIGINT, c DECIMAL(10,2))").typeText());
    assertEquals("LONG", ColumnType.fromDuckDb("HUGEINT").typeName()); // SUM of integers, as in Spark
    assertEquals("STRING", ColumnType.fromDuckDb("UUID").typeName());
    assertEquals("NULL", ColumnType.fromDuckDb("NULL").typeName());
  }

  @Test
  void namespaceNamesMapOntoDuckDbs() {
    assertEquals("SELECT * FROM \"memory\".\"main\".t JOIN \"main\".u ON x.default = 1",
        translate("SELECT * FROM main.default.t JOIN default.u ON x.default = 1", Map.of()));
    assertEquals("SELECT * FROM hive_metastore.\"main\".t, main.t", translate("SELECT * FROM hive_metastore.default.t, main.t", Map.of()));
  }

  @Test
  void sparkFunctionsBecomeDuckDbFunctions() {
    assertEquals("SELECT strftime(d, '%Y-%m-%d %H:%M:%S.%g') AS x",
        translate("SELECT date_format(d, 'yyyy-MM-dd HH:mm:ss.SSS') AS x", Map.of()));
    assertEquals("SELECT struct_pack(\"a\" := 1, \"b\" := list_value(1, 2)) AS s",
        translate("SELECT named_struct('a', 1, 'b', array(1, 2)) AS s", Map.of()));
    assertEquals("SELECT map([1], ['x']) AS m, unnest(xs) AS \"col\"", translate("SELECT map(1, 'x') AS m, explode(xs)", Map.of()));
    assertEquals("SELECT CAST(date_trunc('month', ts) AS TIMESTAMPTZ) AS t",
        translate("SELECT date_trunc('MON', ts) AS t", Map.of()));
    // In a column definition or CAST, MAP(...) / STRUCT(...) are DuckDB types, not calls
    assertEquals("CREATE TABLE t (m MAP(VARCHAR, INTEGER), s STRUCT(a INT))",
        translate("CREATE TABLE t (m MAP(VARCHAR, INTEGER), s STRUCT(a INT))", Map.of()));
  }

  @Test
  void sparkTypesAndLiteralsBecomeDuckDbs() {
    assertEquals("SELECT CAST(x AS MAP(VARCHAR, INT[])), TIMESTAMP_NS '2026-01-01 00:00:00', CAST(10 AS BIGINT),"
            + " CAST(2.50 AS DECIMAL(3,2)), from_hex('0A')",
        translate("SELECT CAST(x AS MAP<STRING, ARRAY<INT>>), TIMESTAMP_NTZ '2026-01-01 00:00:00', 10L, 2.50BD, X'0A'",
            Map.of()));
    assertEquals("CREATE TABLE t (s STRUCT(\"a\" INTEGER, \"b b\" VARCHAR))",
        translate("CREATE TABLE t (s STRUCT<a: INTEGER, `b b`: STRING COMMENT 'x'>)", Map.of()));
  }

  @Test
  void jsonPathsAreNotParameters() {
    SparkSqlTranslator.Translated translated =
        SparkSqlTranslator.translate("SELECT raw:a.b[0], t.raw:['k'] FROM t WHERE x = :a", params("a", "INT"));
    // Unaliased, a path item is named after its last field, as in Spark.
    assertEquals("SELECT json_extract_string(raw, '$.a.b[0]') AS \"b\", json_extract_string(t.raw, '$.k') AS \"k\""
        + " FROM t WHERE x = CAST(? AS INTEGER)", translated.sql);
  }

  @Test
  void createTableKeepsCommentsAsFollowUpsAndDropsDeltaClauses() {
    SparkSqlTranslator.Translated translated = SparkSqlTranslator.translate("CREATE TABLE main.default.t (a INT COMMENT"
        + " 'first') USING DELTA PARTITIONED BY (a) LOCATION 's3://x' COMMENT 'the table' TBLPROPERTIES ('k' = 'v')",
        Map.of());
    assertEquals("CREATE TABLE \"memory\".\"main\".t (a INT)", translated.sql.replaceAll("\\s+", " ").trim());
    assertEquals(List.of("COMMENT ON COLUMN \"memory\".\"main\".\"t\".\"a\" IS 'first'",
        "COMMENT ON TABLE \"memory\".\"main\".\"t\" IS 'the table'"), translated.followUps);
  }

  @Test
  void catalogDdlAttachesAndDetaches() {
    assertEquals("ATTACH IF NOT EXISTS ':memory:' AS \"bronze\"", translate("CREATE CATALOG IF NOT EXISTS Bronze", Map.of()));
    assertEquals("DETACH \"bronze\"", translate("DROP CATALOG bronze CASCADE", Map.of()));
    assertEquals("CREATE SCHEMA \"bronze\".\"erp\" ", translate("CREATE DATABASE bronze.erp COMMENT 'x'", Map.of()));
  }

  @Test
  void unsupportedAndMalformedTextFailsWithDatabricksClasses() {
    assertEquals("0A000", assertThrows(SqlFailure.class, () -> translate("OPTIMIZE t ZORDER BY (a)", Map.of())).sqlState());
    assertEquals("PARSE_SYNTAX_ERROR", assertThrows(SqlFailure.class, () -> translate("SELECT 'open", Map.of())).errorClass());
    assertEquals("PARSE_SYNTAX_ERROR", assertThrows(SqlFailure.class, () -> translate("SELECT (1", Map.of())).errorClass());
    assertEquals("INVALID_DATETIME_PATTERN.ILLEGAL_CHARACTER",
        assertThrows(SqlFailure.class, () -> translate("SELECT date_format(d, 'yyyy-qq')", Map.of())).errorClass());
  }
}
