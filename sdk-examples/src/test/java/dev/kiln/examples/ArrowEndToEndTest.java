package dev.kiln.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.emulator.LocalWorkspace;
import dev.kiln.sql.Row;
import dev.kiln.sql.SqlClient;
import dev.kiln.sql.SqlOptions;
import dev.kiln.sql.StatementResult;
import dev.kiln.sql.model.Column;
import dev.kiln.sql.model.ColumnType;
import dev.kiln.sql.model.Disposition;
import dev.kiln.sql.model.Format;
import dev.kiln.sql.model.StatementRequest;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * One query over every type the emulator maps, read by Kiln's SqlClient from a {@link LocalWorkspace} as
 * EXTERNAL_LINKS + JSON_ARRAY and as EXTERNAL_LINKS + ARROW_STREAM (which Kiln asks for LZ4_FRAME-compressed),
 * over several chunks: every row must read the same through every getter that applies, and a few rows are
 * checked against values written down here, so both formats cannot be wrong the same way unnoticed.
 */
class ArrowEndToEndTest {
  private static final int ROWS = 50;
  private static final int CHUNK_ROWS = 7;

  /**
   * Spark SQL (with DuckDB's list, map and struct literals); row {@code id} 0 is all NULL, 1 and 2 carry the
   * minimum and maximum of each type.
   */
  private static final String QUERY = String.join("\n",
      "SELECT id,",
      "  CASE WHEN id = 0 THEN NULL WHEN id = 1 THEN -128 WHEN id = 2 THEN 127 ELSE id % 100 END::TINYINT AS b,",
      "  CASE WHEN id = 0 THEN NULL WHEN id = 1 THEN -32768 WHEN id = 2 THEN 32767 ELSE id * 3 END::SMALLINT AS s,",
      "  CASE WHEN id = 0 THEN NULL WHEN id = 1 THEN -2147483648 WHEN id = 2 THEN 2147483647 ELSE id * -1000 END::INTEGER AS i,",
      "  CASE WHEN id = 0 THEN NULL WHEN id = 1 THEN -9223372036854775808 WHEN id = 2 THEN 9223372036854775807",
      "       ELSE id * 1000000007 END::BIGINT AS l,",
      "  CASE WHEN id = 0 THEN NULL WHEN id = 1 THEN -3.4028235e38 WHEN id = 2 THEN 3.4028235e38 WHEN id = 3 THEN -0.0",
      "       WHEN id = 4 THEN 1.4e-45 ELSE id / 4.0 END::FLOAT AS f,",
      "  CASE WHEN id = 0 THEN NULL WHEN id = 1 THEN -1.7976931348623157e308 WHEN id = 2 THEN 1.7976931348623157e308",
      "       WHEN id = 3 THEN 4.9e-324 WHEN id = 4 THEN 0.1 ELSE id / 3.0 END::DOUBLE AS d,",
      "  CASE WHEN id = 0 THEN NULL WHEN id = 1 THEN '-99999999999999999999999999.999999999999'::DECIMAL(38,12)",
      "       WHEN id = 2 THEN '99999999999999999999999999.999999999999'::DECIMAL(38,12)",
      "       ELSE CAST(id / 7 AS DECIMAL(38,12)) END AS dec,",
      "  CASE WHEN id = 0 THEN NULL WHEN id = 1 THEN '0.05'::DECIMAL(5,2) ELSE CAST(id AS DECIMAL(5,2)) END AS small_dec,",
      "  CASE WHEN id = 0 THEN NULL WHEN id = 1 THEN '' WHEN id = 2 THEN 'h\u00e9llo \u2603 \uD834\uDD1E \"q\" \\\\ back'",
      "       WHEN id = 3 THEN 'line' || chr(10) || 'tab' || chr(9) || 'end' ELSE 'row-' || id END AS str,",
      "  CASE WHEN id = 0 THEN NULL WHEN id = 1 THEN ''::BLOB WHEN id = 2 THEN X'00FF7F'",
      "       ELSE ('b' || id)::BLOB END AS bin,",
      "  CASE WHEN id = 0 THEN NULL ELSE id % 2 = 0 END AS bool,",
      "  CASE WHEN id = 0 THEN NULL WHEN id = 1 THEN DATE '0001-01-01' WHEN id = 2 THEN DATE '9999-12-31'",
      "       WHEN id = 3 THEN DATE '1969-12-31' ELSE DATE '2024-02-29' + CAST(id AS INTEGER) END AS dt,",
      "  CASE WHEN id = 0 THEN NULL WHEN id = 1 THEN TIMESTAMP '1900-01-01 00:00:00.000001'",
      "       WHEN id = 2 THEN TIMESTAMP '9999-12-31 23:59:59.999999' WHEN id = 3 THEN TIMESTAMP '1970-01-01 00:00:00'",
      "       ELSE TIMESTAMP '2024-02-29 23:59:59.123456' + INTERVAL (id) MINUTE END AS ts,",
      "  CASE WHEN id = 0 THEN NULL WHEN id = 1 THEN TIMESTAMPTZ '1969-12-31 23:59:59.5+00'",
      "       ELSE TIMESTAMPTZ '2024-06-01 12:00:00.654321+02' + INTERVAL (id) SECOND END AS tstz,",
      "  CASE WHEN id = 0 THEN NULL WHEN id = 1 THEN []::INTEGER[] WHEN id = 2 THEN [1, NULL, -3]",
      "       ELSE [id, id + 1] END AS arr,",
      "  CASE WHEN id = 0 THEN NULL WHEN id = 1 THEN MAP {'a': 1, 'b': NULL} ELSE MAP {'k' || id: id} END AS m,",
      "  CASE WHEN id = 0 THEN NULL WHEN id = 1 THEN {'x': NULL, 'y': 'q\"uote', 'z': [1.5]}",
      "       ELSE {'x': id, 'y': 'v' || id, 'z': [id / 2.0]} END AS st,",
      "  CASE WHEN id = 0 THEN NULL ELSE [{'k': id, 'v': ['a', NULL]}] END AS nested",
      "FROM range(" + ROWS + ") t(id) ORDER BY id");

  /** Every disagreement found, reported together so one failure shows them all. */
  private static final List<String> MISMATCHES = new ArrayList<>();

  private static LocalWorkspace workspace;
  private static SqlClient sql;

  @BeforeAll
  static void start() {
    workspace = LocalWorkspace.builder().chunkRowCount(CHUNK_ROWS).start();
    sql = SqlClient.create(workspace.client());
  }

  @AfterAll
  static void stop() {
    if (workspace != null) {
      workspace.close();
    }
  }

  private static StatementRequest request(String statement, Format format) {
    return StatementRequest.builder()
        .warehouseId(workspace.defaultWarehouseId())
        .statement(statement)
        .disposition(Disposition.EXTERNAL_LINKS)
        .format(format)
        .waitTimeout(Duration.ofSeconds(30))
        .build();
  }

  @Test
  @Timeout(60)
  void everyTypeReadsTheSameFromJsonArrayAndLz4ArrowStream() {
    try (StatementResult json = sql.execute(request(QUERY, Format.JSON_ARRAY));
        StatementResult arrow = sql.execute(request(QUERY, Format.ARROW_STREAM))) {
      assertEquals(Format.ARROW_STREAM, arrow.format());
      assertEquals("LZ4_FRAME", arrow.response().manifest().flatMap(m -> m.rawResultCompression()).orElse("NONE"),
          "Kiln asks for LZ4_FRAME with ARROW_STREAM and the emulator compresses");
      int chunks = (ROWS + CHUNK_ROWS - 1) / CHUNK_ROWS;
      assertEquals(chunks, json.totalChunkCount());
      assertEquals(chunks, arrow.totalChunkCount());
      assertEquals(json.columns(), arrow.columns(), "same schema in both manifests");

      List<Row> jsonRows = json.toList();
      List<Row> arrowRows = arrow.toList();
      assertEquals(ROWS, jsonRows.size());
      assertEquals(ROWS, arrowRows.size());
      List<Column> columns = json.columns();
      for (int r = 0; r < ROWS; r++) {
        for (int c = 0; c < columns.size(); c++) {
          sameThroughEveryGetter(columns.get(c), r, c, jsonRows.get(r), arrowRows.get(r));
        }
      }
      assertEquals(List.of(), MISMATCHES, MISMATCHES.size() + " disagreements between the formats");
      for (List<Row> rows : Arrays.asList(jsonRows, arrowRows)) {
        knownValues(rows);
      }
    }
  }

  /** Both formats against values written down here (rows 0–3), through the typed getters. */
  private static void knownValues(List<Row> rows) {
    Row nulls = rows.get(0);
    for (int c = 1; c < nulls.size(); c++) {
      assertTrue(nulls.isNull(c), "row 0 column " + c + " is NULL");
      assertNull(nulls.getObject(c));
      assertNull(nulls.getString(c));
    }
    Row min = rows.get(1);
    Row max = rows.get(2);
    assertEquals(-128, min.getInt("b"));
    assertEquals(Short.MIN_VALUE, min.getInt("s"));
    assertEquals(Integer.MAX_VALUE, max.getInt("i"));
    assertEquals(Long.MIN_VALUE, min.getLong("l"));
    assertEquals(Long.MAX_VALUE, max.getLong("l"));
    assertEquals(Float.MAX_VALUE, (float) max.getDouble("f"));
    assertEquals(Float.MIN_VALUE, rows.get(4).getObject("f"));
    assertEquals(Double.MAX_VALUE, max.getDouble("d"));
    assertEquals(Double.MIN_VALUE, rows.get(3).getDouble("d"));
    assertEquals(0.1, rows.get(4).getDouble("d"));
    assertEquals(new BigDecimal("99999999999999999999999999.999999999999"), max.getBigDecimal("dec"));
    assertEquals(new BigDecimal("0.05"), min.getBigDecimal("small_dec"));
    assertEquals("", min.getString("str"));
    assertEquals("h\u00e9llo \u2603 \uD834\uDD1E \"q\" \\ back", max.getString("str"));
    assertEquals("line\ntab\tend", rows.get(3).getString("str"));
    assertArrayEquals(new byte[0], min.getBytes("bin"));
    assertArrayEquals(new byte[] {0, (byte) 0xFF, 0x7F}, max.getBytes("bin"));
    assertEquals(true, max.getBoolean("bool"));
    assertEquals(LocalDate.of(1, 1, 1), min.getLocalDate("dt"));
    assertEquals(LocalDate.of(9999, 12, 31), max.getLocalDate("dt"));
    assertEquals(LocalDate.of(1969, 12, 31), rows.get(3).getLocalDate("dt"));
    assertEquals(Instant.parse("1900-01-01T00:00:00Z"), min.getInstant("ts").truncatedTo(ChronoUnit.MILLIS));
    assertEquals(Instant.parse("9999-12-31T23:59:59.999Z"), max.getInstant("ts").truncatedTo(ChronoUnit.MILLIS));
    assertEquals(Instant.EPOCH, rows.get(3).getInstant("ts"));
    assertEquals(Instant.parse("1969-12-31T23:59:59.500Z"), min.getInstant("tstz"));
    assertEquals(Instant.parse("2024-06-01T10:00:02.654Z"), max.getInstant("tstz").truncatedTo(ChronoUnit.MILLIS));
    assertEquals(0, min.getJson("arr").size());
    assertTrue(max.getJson("arr").get(1).isNull());
    assertEquals(-3, max.getJson("arr").get(2).asInt());
    assertTrue(min.getJson("m").get("b").isNull());
    assertEquals(1, min.getJson("m").get("a").asInt());
    assertEquals("q\"uote", min.getJson("st").get("y").asText());
    assertEquals(2, max.getJson("nested").get(0).get("k").asInt());
  }

  /** Every getter for the column's type, and getObject/getString/isNull for all: the same answer, or the same failure. */
  private static void sameThroughEveryGetter(Column column, int r, int c, Row json, Row arrow) {
    String where = "row " + r + " column " + column.name() + " (" + column.rawType() + ")";
    same(where, "isNull", json, arrow, (row, i) -> row.isNull(i), c);
    if (column.type() != ColumnType.TIMESTAMP) {
      same(where, "getObject", json, arrow, (row, i) -> row.getObject(i), c);
    }
    same(where, "getString", json, arrow, (row, i) -> row.getString(i), c);
    assertEquals(json.getObject(c) == null, json.isNull(c), where + " getObject null iff isNull");
    assertEquals(arrow.getObject(c) == null, arrow.isNull(c), where + " getObject null iff isNull");
    ColumnType type = column.type();
    switch (type) {
      case BYTE:
      case SHORT:
      case INT:
        same(where, "getInt", json, arrow, (row, i) -> row.getInt(i), c);
        same(where, "getLong", json, arrow, (row, i) -> row.getLong(i), c);
        same(where, "getDouble", json, arrow, (row, i) -> row.getDouble(i), c);
        same(where, "getBigDecimal", json, arrow, (row, i) -> row.getBigDecimal(i), c);
        break;
      case LONG:
        same(where, "getLong", json, arrow, (row, i) -> row.getLong(i), c);
        same(where, "getDouble", json, arrow, (row, i) -> row.getDouble(i), c);
        same(where, "getBigDecimal", json, arrow, (row, i) -> row.getBigDecimal(i), c);
        break;
      case FLOAT:
      case DOUBLE:
      case DECIMAL:
        same(where, "getDouble", json, arrow, (row, i) -> row.getDouble(i), c);
        same(where, "getBigDecimal", json, arrow, (row, i) -> row.getBigDecimal(i), c);
        break;
      case BOOLEAN:
        same(where, "getBoolean", json, arrow, (row, i) -> row.getBoolean(i), c);
        break;
      case DATE:
        same(where, "getLocalDate", json, arrow, (row, i) -> row.getLocalDate(i), c);
        break;
      case TIMESTAMP:
        // JSON_ARRAY text carries milliseconds, the Arrow vector microseconds (emulator ValueFormatter):
        // the Arrow value cut to milliseconds must be the JSON value.
        same(where, "getInstant", json, arrow, (row, i) -> row.isNull(i) ? null
            : (row == arrow ? row.getInstant(i).truncatedTo(ChronoUnit.MILLIS) : row.getInstant(i)), c);
        same(where, "getLocalDateTime", json, arrow, (row, i) -> row.isNull(i) ? null
            : (row == arrow ? row.getLocalDateTime(i).truncatedTo(ChronoUnit.MILLIS) : row.getLocalDateTime(i)), c);
        break;
      case BINARY:
        same(where, "getBytes", json, arrow, (row, i) -> row.getBytes(i), c);
        break;
      case ARRAY:
      case MAP:
      case STRUCT:
        same(where, "getJson", json, arrow, (row, i) -> row.getJson(i), c);
        break;
      case STRING:
        break;
      default:
        fail(where + ": the query was meant to hold only mapped types");
    }
    // A getter that does not apply must fail the same way in both formats.
    if (type != ColumnType.LONG && type != ColumnType.BYTE && type != ColumnType.SHORT && type != ColumnType.INT) {
      same(where, "getLong (not applicable)", json, arrow, (row, i) -> row.getLong(i), c);
    }
  }

  private static void same(String where, String getter, Row json, Row arrow, BiFunction<Row, Integer, Object> read,
      int c) {
    Object a = outcome(json, read, c);
    Object b = outcome(arrow, read, c);
    boolean equal = a instanceof byte[] && b instanceof byte[] ? Arrays.equals((byte[]) a, (byte[]) b)
        : Objects.equals(a, b);
    if (!equal) {
      MISMATCHES.add(where + " " + getter + ": JSON_ARRAY " + describe(a) + " vs ARROW_STREAM " + describe(b));
    }
  }

  /** The value read, or the failure's class when the getter throws. */
  private static Object outcome(Row row, BiFunction<Row, Integer, Object> read, int c) {
    try {
      return read.apply(row, c);
    } catch (RuntimeException e) {
      return e.getClass();
    }
  }

  private static String describe(Object v) {
    return v == null ? "null" : v + " (" + v.getClass().getSimpleName() + ")";
  }

  /**
   * FLOAT {@code getDouble}: Arrow carries the float32 (3.4028234663852886E38 widened for the largest float),
   * JSON_ARRAY its shortest text (3.4028235E38); both must read as the float widened, so switching format
   * changes nothing.
   */
  @Test
  void floatGetDoubleIsTheFloatWidened() {
    String query = "SELECT 3.4028235e38::FLOAT AS f UNION ALL SELECT 1.4e-45::FLOAT UNION ALL SELECT 0.1::FLOAT";
    try (StatementResult json = sql.execute(request(query, Format.JSON_ARRAY));
        StatementResult arrow = sql.execute(request(query, Format.ARROW_STREAM))) {
      List<Row> j = json.toList();
      List<Row> a = arrow.toList();
      for (int r = 0; r < 3; r++) {
        float value = (Float) a.get(r).getObject(0);
        assertEquals((double) value, a.get(r).getDouble(0), "ARROW_STREAM row " + r);
        assertEquals((double) value, j.get(r).getDouble(0), "JSON_ARRAY row " + r);
      }
    }
  }

  @Test
  @Timeout(120)
  void aManyChunkArrowResultStreamsThroughRowPublisherOnASmallBudget() throws Exception {
    int rows = 200_000;
    try (LocalWorkspace ws = LocalWorkspace.builder().chunkRowCount(2_000).start()) {
      SqlClient small = SqlClient.create(ws.client(), SqlOptions.builder().resultMemoryBudget(64 * 1024).build());
      String query = "SELECT id, id * 2 AS twice, CAST(id AS DOUBLE) / 4 AS quarter, 'r' || id AS label"
          + " FROM range(" + rows + ") t(id)";
      for (Format format : Arrays.asList(Format.ARROW_STREAM, Format.JSON_ARRAY)) {
        StatementRequest request = StatementRequest.builder()
            .warehouseId(ws.defaultWarehouseId())
            .statement(query)
            .disposition(Disposition.EXTERNAL_LINKS)
            .format(format)
            .waitTimeout(Duration.ofSeconds(50))
            .build();
        try (StatementResult result = small.execute(request)) {
          assertEquals(100, result.totalChunkCount(), format + " chunks");
          Counting subscriber = new Counting();
          result.rowPublisher().subscribe(subscriber);
          long[] seen = subscriber.done.get(90, TimeUnit.SECONDS);
          long expectedSum = (long) rows * (rows - 1) / 2;
          assertEquals(rows, seen[0], format + " rows");
          assertEquals(expectedSum, seen[1], format + " sum of id");
          assertEquals(0, seen[2], format + " rows whose values disagree");
        }
      }
    }
  }

  /** Requests 1,000 rows at a time and checks each row's values against its id. */
  private static final class Counting implements Flow.Subscriber<Row> {
    final CompletableFuture<long[]> done = new CompletableFuture<>();
    private final AtomicLong rows = new AtomicLong();
    private final AtomicLong sum = new AtomicLong();
    private final AtomicLong wrong = new AtomicLong();
    private Flow.Subscription subscription;
    private final List<String> firstWrong = new ArrayList<>();

    @Override
    public void onSubscribe(Flow.Subscription s) {
      subscription = s;
      s.request(1_000);
    }

    @Override
    public void onNext(Row row) {
      long id = row.getLong(0);
      boolean ok = row.getLong("twice") == id * 2 && row.getDouble("quarter") == id / 4.0
          && ("r" + id).equals(row.getString("label"));
      if (!ok) {
        wrong.incrementAndGet();
        if (firstWrong.size() < 3) {
          firstWrong.add(row.toString());
        }
      }
      sum.addAndGet(id);
      if (rows.incrementAndGet() % 1_000 == 0) {
        subscription.request(1_000);
      }
    }

    @Override
    public void onError(Throwable t) {
      done.completeExceptionally(t);
    }

    @Override
    public void onComplete() {
      if (!firstWrong.isEmpty()) {
        done.completeExceptionally(new AssertionError("wrong rows: " + firstWrong));
      } else {
        done.complete(new long[] {rows.get(), sum.get(), wrong.get()});
      }
    }
  }
}
