package dev.kiln.sql;

import static dev.kiln.sql.SqlTestBase.doubleQuoted;
import static dev.kiln.sql.SqlTestBase.statement;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.core.DatabricksClient;
import dev.kiln.core.Json;
import dev.kiln.core.testing.Wire;
import dev.kiln.core.testing.FakeSleeper;
import dev.kiln.core.testing.TestClients;
import dev.kiln.sql.model.ColumnType;
import dev.kiln.sql.model.StatementResponse;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every {@code type_name} read through its getter, from a result that needs no request. */
class RowTest {
  static final String[][] COLUMNS = {
      {"s", "STRING", "STRING"}, {"c", "CHAR", "CHAR(3)"}, {"by", "BYTE", "TINYINT"}, {"sh", "SHORT", "SMALLINT"},
      {"i", "INT", "INT"}, {"l", "LONG", "BIGINT"}, {"f", "FLOAT", "FLOAT"}, {"d", "DOUBLE", "DOUBLE"},
      {"dec", "DECIMAL", "DECIMAL(10,2)"}, {"b", "BOOLEAN", "BOOLEAN"}, {"day", "DATE", "DATE"},
      {"ts", "TIMESTAMP", "TIMESTAMP"}, {"ntz", "TIMESTAMP_NTZ", "TIMESTAMP_NTZ"}, {"bin", "BINARY", "BINARY"},
      {"arr", "ARRAY", "ARRAY<INT>"}, {"m", "MAP", "MAP<STRING,INT>"}, {"st", "STRUCT", "STRUCT<a:INT,b:STRING>"},
      {"iv", "INTERVAL", "INTERVAL DAY TO SECOND"}, {"n", "NULL", "VOID"}, {"udt", "USER_DEFINED_TYPE", "point"},
      {"v", "VARIANT", "VARIANT"}};
  static final String VALUES = "['text','abc','-7','300','2026','9007199254740993','1.5','NaN','12345678.90','true',"
      + "'2026-01-31','2026-01-31T10:15:30.123Z','2026-01-31T10:15:30','aGVsbG8=','[1,2,3]','{\\'k\\':1}',"
      + "'{\\'a\\':1,\\'b\\':\\'x\\'}','1 02:03:04.000000000',null,'POINT(1 2)','{\\'x\\':1}']";

  DatabricksClient db;
  Row row;
  Row nulls;

  @BeforeEach
  void setUp() throws Exception {
    db = TestClients.forUrl("http://localhost:1/", new FakeSleeper());
    StringBuilder columns = new StringBuilder();
    StringBuilder allNull = new StringBuilder();
    for (int i = 0; i < COLUMNS.length; i++) {
      columns.append(i == 0 ? "" : ",").append("{'name':'").append(COLUMNS[i][0]).append("','position':").append(i)
          .append(",'type_name':'").append(COLUMNS[i][1]).append("','type_text':'").append(COLUMNS[i][2]).append("'}");
      allNull.append(i == 0 ? "" : ",").append("null");
    }
    StatementResponse response = Json.mapper().readValue(doubleQuoted(statement("r1", "SUCCEEDED",
        "'manifest':{'format':'JSON_ARRAY','schema':{'column_count':" + COLUMNS.length + ",'columns':[" + columns + "]},"
            + "'total_chunk_count':1,'total_row_count':2},"
            + "'result':{'chunk_index':0,'row_count':2,'data_array':[" + VALUES + ",[" + allNull + "]]}")),
        StatementResponse.class);
    try (StatementResult result = SqlClient.create(db).handle(response).await()) {
      List<Row> rows = result.toList();
      row = rows.get(0);
      nulls = rows.get(1);
      assertEquals(ColumnType.UNKNOWN, result.column("v").orElseThrow().type());
      assertEquals("VARIANT", result.column("v").orElseThrow().rawType());
    }
  }

  @AfterEach
  void tearDown() {
    db.close();
  }

  @Test
  void eachTypeReadsThroughItsGetter() {
    assertEquals("text", row.getString("s"));
    assertEquals("abc", row.getString("c"));
    assertEquals(-7, row.getInt("by"));
    assertEquals(300, row.getInt("sh"));
    assertEquals(2026, row.getInt("i"));
    assertEquals(2026L, row.getLong("i"));
    assertEquals(9007199254740993L, row.getLong("l"));
    assertEquals(1.5, row.getDouble("f"));
    assertTrue(Double.isNaN(row.getDouble("d")));
    assertEquals(new BigDecimal("12345678.90"), row.getBigDecimal("dec"));
    assertEquals(new BigDecimal("9007199254740993"), row.getBigDecimal("l"));
    assertTrue(row.getBoolean("b"));
    assertEquals(LocalDate.of(2026, 1, 31), row.getLocalDate("day"));
    assertEquals(Instant.parse("2026-01-31T10:15:30.123Z"), row.getInstant("ts"));
    assertEquals(LocalDateTime.of(2026, 1, 31, 10, 15, 30, 123_000_000), row.getLocalDateTime("ts"));
    assertEquals(LocalDateTime.of(2026, 1, 31, 10, 15, 30), row.getLocalDateTime("ntz"));
    assertArrayEquals("hello".getBytes(StandardCharsets.UTF_8), row.getBytes("bin"));
    assertEquals(3, row.getJson("arr").size());
    assertEquals(1, row.getJson("m").get("k").asInt());
    JsonNode struct = row.getJson("st");
    assertEquals("x", struct.get("b").asText());
    assertEquals("1 02:03:04.000000000", row.getString("iv"));
    assertTrue(row.isNull("n"));
    assertEquals("POINT(1 2)", row.getString("udt"));
    assertEquals(1, row.getJson("v").get("x").asInt(), "an unknown type may be read with any getter");
    assertEquals("text", row.getString(0));
    assertEquals(2026, row.getInt(4));
  }

  @Test
  void getObjectGivesTheNaturalJavaType() {
    assertEquals("text", row.getObject("s"));
    assertEquals((byte) -7, row.getObject("by"));
    assertEquals((short) 300, row.getObject("sh"));
    assertEquals(2026, row.getObject("i"));
    assertEquals(9007199254740993L, row.getObject("l"));
    assertEquals(1.5f, row.getObject("f"));
    assertTrue(((Double) row.getObject("d")).isNaN());
    assertEquals(new BigDecimal("12345678.90"), row.getObject("dec"));
    assertEquals(Boolean.TRUE, row.getObject("b"));
    assertEquals(LocalDate.of(2026, 1, 31), row.getObject("day"));
    assertEquals(Instant.parse("2026-01-31T10:15:30.123Z"), row.getObject("ts"));
    assertEquals(LocalDateTime.of(2026, 1, 31, 10, 15, 30), row.getObject("ntz"));
    assertArrayEquals("hello".getBytes(StandardCharsets.UTF_8), (byte[]) row.getObject("bin"));
    assertTrue(row.getObject("arr") instanceof JsonNode);
    assertEquals("1 02:03:04.000000000", row.getObject("iv"));
    assertNull(row.getObject("n"));
    assertEquals("{\"x\":1}", row.getObject("v"));
    assertEquals(COLUMNS.length, row.toMap().size());
  }

  @Test
  void nullsReadAsNullOrFailForPrimitives() {
    for (int i = 0; i < COLUMNS.length; i++) {
      assertTrue(nulls.isNull(i));
      assertNull(nulls.getObject(i));
      assertNull(nulls.getString(i));
    }
    assertNull(nulls.getBigDecimal("dec"));
    assertNull(nulls.getLocalDate("day"));
    assertNull(nulls.getInstant("ts"));
    assertNull(nulls.getBytes("bin"));
    assertNull(nulls.getJson("arr"));
    assertMessage(() -> nulls.getInt("i"), "column 'i' (INT) is NULL", "isNull(\"i\")");
    assertMessage(() -> nulls.getBoolean("b"), "column 'b' (BOOLEAN) is NULL");
  }

  @Test
  void wrongTypeReadsNameTheColumnAndType() {
    assertMessage(() -> row.getInt("s"), "column 's' is STRING", "getInt cannot read", "use getString");
    assertMessage(() -> row.getInt("l"), "column 'l' is BIGINT", "use getLong");
    assertMessage(() -> row.getLocalDate("ts"), "column 'ts' is TIMESTAMP", "getInstant or getLocalDateTime");
    assertMessage(() -> row.getInstant("ntz"), "column 'ntz' is TIMESTAMP_NTZ", "use getLocalDateTime");
    assertMessage(() -> row.getBoolean("i"), "column 'i' is INT");
    assertMessage(() -> row.getJson("s"), "column 's' is STRING");
    assertMessage(() -> row.getBytes("s"), "column 's' is STRING", "getBytes");
  }

  @Test
  void unknownColumnsAndIndexesAreClear() {
    assertMessage(() -> row.getString("nope"), "no column 'nope'", "columns are: s, c, by");
    assertMessage(() -> row.getString(99), "column index 99 is out of range", "21 columns");
    assertEquals("text", row.getString("S"), "a unique case-insensitive match is accepted");
  }

  @Test
  void unparsableValuesAreReportedWithoutTheValue() throws Exception {
    StatementResponse response = Json.mapper().readValue(doubleQuoted(statement("r2", "SUCCEEDED",
        "'manifest':{'schema':{'columns':[{'name':'i','type_name':'INT'}]},'total_row_count':1},"
            + "'result':{'data_array':[['secret-ish']]}")), StatementResponse.class);
    try (StatementResult result = SqlClient.create(db).handle(response).await()) {
      Row bad = result.toList().get(0);
      RowAccessException e = assertThrows(RowAccessException.class, () -> bad.getInt("i"));
      assertTrue(e.getMessage().contains("column 'i' (INT)"), e.getMessage());
      assertFalse(e.getMessage().contains("secret-ish"), e.getMessage());
      assertFalse(bad.toString().contains("secret-ish"), bad.toString());
    }
  }

  private static void assertMessage(Executable read, String... parts) {
    RowAccessException e = assertThrows(RowAccessException.class, read::execute);
    for (String part : parts) {
      assertTrue(e.getMessage().contains(part), "'" + part + "' not in: " + e.getMessage());
    }
  }

  /** Like JUnit's, without a checked throws clause. */
  @FunctionalInterface
  interface Executable {
    void execute();
  }
}
