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
}
