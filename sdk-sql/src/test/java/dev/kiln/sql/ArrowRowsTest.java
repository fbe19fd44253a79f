package dev.kiln.sql;

import static dev.kiln.sql.SqlTestBase.statement;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.core.Json;
import dev.kiln.core.testing.Wire;
import dev.kiln.sql.internal.StatementApi;
import dev.kiln.sql.model.StatementResponse;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import mockwebserver3.MockResponse;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.TimeStampMicroTZVector;
import org.apache.arrow.vector.TimeStampMicroVector;
import org.apache.arrow.vector.TinyIntVector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.junit.jupiter.api.Test;

/**
 * The {@link RowTest} values, sent as an ARROW_STREAM chunk written by Arrow Java, read through the
 * same getters with the same answers: switching format changes nothing in user code.
 */
class ArrowRowsTest extends LinkedResultFixture {
  static final String[][] COLUMNS = {
      {"s", "STRING", "STRING"}, {"by", "BYTE", "TINYINT"}, {"sh", "SHORT", "SMALLINT"}, {"i", "INT", "INT"},
      {"l", "LONG", "BIGINT"}, {"f", "FLOAT", "FLOAT"}, {"d", "DOUBLE", "DOUBLE"}, {"dec", "DECIMAL", "DECIMAL(10,2)"},
      {"b", "BOOLEAN", "BOOLEAN"}, {"day", "DATE", "DATE"}, {"ts", "TIMESTAMP", "TIMESTAMP"},
      {"ntz", "TIMESTAMP_NTZ", "TIMESTAMP_NTZ"}, {"bin", "BINARY", "BINARY"}};

  @Test
  void everyTypeReadsAsFromJson() throws Exception {
    List<Row> rows;
    try (StatementResult result = arrowResult(arrowChunk())) {
      rows = result.toList();
    }
    Row row = rows.get(0);
    assertEquals("text", row.getString("s"));
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

    assertEquals((byte) -7, row.getObject("by"));
    assertEquals((short) 300, row.getObject("sh"));
    assertEquals(2026, row.getObject("i"));
    assertEquals(9007199254740993L, row.getObject("l"));
    assertEquals(1.5f, row.getObject("f"));
    assertEquals(Boolean.TRUE, row.getObject("b"));
    assertEquals(LocalDate.of(2026, 1, 31), row.getObject("day"));
    assertEquals(Instant.parse("2026-01-31T10:15:30.123Z"), row.getObject("ts"));
    assertEquals(LocalDateTime.of(2026, 1, 31, 10, 15, 30), row.getObject("ntz"));
    assertEquals(COLUMNS.length, row.toMap().size());
    assertThrows(RowAccessException.class, () -> row.getInt("l"), "type rules do not depend on the format");

    Row nulls = rows.get(1);
    for (int i = 0; i < COLUMNS.length; i++) {
      assertTrue(nulls.isNull(i));
      assertNull(nulls.getObject(i));
      assertNull(nulls.getString(i));
    }
    RowAccessException e = assertThrows(RowAccessException.class, () -> nulls.getInt("i"));
    assertTrue(e.getMessage().contains("column 'i' (INT) is NULL"), e.getMessage());
  }

  private StatementResult arrowResult(byte[] chunk) throws Exception {
    bodies.put("/a0", new MockResponse.Builder().code(200).body(new okio.Buffer().write(chunk)).build());
    StringBuilder columns = new StringBuilder();
    for (int i = 0; i < COLUMNS.length; i++) {
      columns.append(i == 0 ? "" : ",").append("{'name':'").append(COLUMNS[i][0]).append("','position':").append(i)
          .append(",'type_name':'").append(COLUMNS[i][1]).append("','type_text':'").append(COLUMNS[i][2]).append("'}");
    }
    StatementResponse response = Json.mapper().readValue(Wire.json(statement("a1", "SUCCEEDED",
        "'manifest':{'format':'ARROW_STREAM','schema':{'column_count':" + COLUMNS.length + ",'columns':[" + columns
            + "]},'total_chunk_count':1,'total_row_count':2,'chunks':[{'chunk_index':0,'row_offset':0,'row_count':2}]},"
            + "'result':{'external_links':[{'chunk_index':0,'row_offset':0,'row_count':2,'external_link':'"
            + storage.url("/a0") + "','expiration':'" + VALID_UNTIL + "'}]}")), StatementResponse.class);
    return new StatementResult(new StatementApi(db, Duration.ofSeconds(30)), SqlOptions.defaults(), response, null);
  }

  /** Row 0 holds the RowTest values, row 1 is all NULL. */
  static byte[] arrowChunk() throws Exception {
    try (BufferAllocator alloc = new RootAllocator();
        VarCharVector s = new VarCharVector("s", alloc);
        TinyIntVector by = new TinyIntVector("by", alloc);
        SmallIntVector sh = new SmallIntVector("sh", alloc);
        IntVector i = new IntVector("i", alloc);
        BigIntVector l = new BigIntVector("l", alloc);
        Float4Vector f = new Float4Vector("f", alloc);
        Float8Vector d = new Float8Vector("d", alloc);
        DecimalVector dec = new DecimalVector("dec", alloc, 10, 2);
        BitVector b = new BitVector("b", alloc);
        DateDayVector day = new DateDayVector("day", alloc);
        TimeStampMicroTZVector ts = new TimeStampMicroTZVector("ts", alloc, "Etc/UTC");
        TimeStampMicroVector ntz = new TimeStampMicroVector("ntz", alloc);
        VarBinaryVector bin = new VarBinaryVector("bin", alloc)) {
      List<FieldVector> vectors = List.of(s, by, sh, i, l, f, d, dec, b, day, ts, ntz, bin);
      vectors.forEach(v -> v.setInitialCapacity(2));
      vectors.forEach(FieldVector::allocateNew);
      s.setSafe(0, "text".getBytes(StandardCharsets.UTF_8));
      by.set(0, -7);
      sh.set(0, 300);
      i.set(0, 2026);
      l.set(0, 9007199254740993L);
      f.set(0, 1.5f);
      d.set(0, Double.NaN);
      dec.set(0, new BigDecimal("12345678.90"));
      b.set(0, 1);
      day.set(0, (int) LocalDate.of(2026, 1, 31).toEpochDay());
      Instant instant = Instant.parse("2026-01-31T10:15:30.123Z");
      ts.set(0, instant.getEpochSecond() * 1_000_000 + instant.getNano() / 1000);
      ntz.set(0, LocalDateTime.of(2026, 1, 31, 10, 15, 30).toEpochSecond(ZoneOffset.UTC) * 1_000_000);
      bin.setSafe(0, "hello".getBytes(StandardCharsets.UTF_8));
      for (FieldVector v : vectors) {
        v.setNull(1);
        v.setValueCount(2);
      }
      VectorSchemaRoot root = new VectorSchemaRoot(vectors);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (ArrowStreamWriter w = new ArrowStreamWriter(root, null, Channels.newChannel(out))) {
        w.start();
        w.writeBatch();
        w.end();
      }
      return out.toByteArray();
    }
  }
}
