package dev.kiln.sql.arrow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kiln.sql.internal.arrow.ArrowBatch;
import dev.kiln.sql.internal.arrow.ArrowField;
import dev.kiln.sql.internal.arrow.ArrowKind;
import dev.kiln.sql.internal.arrow.ArrowStreamReader;
import dev.kiln.sql.internal.arrow.ArrowVector;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jpountz.lz4.LZ4FrameOutputStream;
import org.apache.arrow.compression.CommonsCompressionFactory;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.DurationVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.IntervalYearVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.TimeStampMicroTZVector;
import org.apache.arrow.vector.TimeStampMicroVector;
import org.apache.arrow.vector.TinyIntVector;
import org.apache.arrow.vector.ValueVector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.MapVector;
import org.apache.arrow.vector.complex.StructVector;
import org.apache.arrow.vector.complex.impl.NullableStructWriter;
import org.apache.arrow.vector.complex.impl.UnionListWriter;
import org.apache.arrow.vector.complex.impl.UnionMapWriter;
import org.apache.arrow.vector.compression.CompressionUtil;
import org.apache.arrow.vector.dictionary.Dictionary;
import org.apache.arrow.vector.dictionary.DictionaryEncoder;
import org.apache.arrow.vector.dictionary.DictionaryProvider;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.apache.arrow.vector.ipc.message.IpcOption;
import org.apache.arrow.vector.types.MetadataVersion;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.DictionaryEncoding;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.util.Text;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Apache Arrow Java (test scope only) writes IPC streams; Kiln's reader must give the same values row
 * for row, for every type Databricks returns, with nulls and edge values, compressed or not.
 */
class ArrowStreamReaderTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int ROWS = 7;

  private BufferAllocator allocator;
  private final List<AutoCloseable> closeables = new ArrayList<>();

  @BeforeEach
  void open() {
    allocator = new RootAllocator();
  }

  @AfterEach
  void close() throws Exception {
    for (int i = closeables.size() - 1; i >= 0; i--) {
      closeables.get(i).close();
    }
    allocator.close();
  }

  private <T extends AutoCloseable> T track(T resource) {
    closeables.add(resource);
    return resource;
  }

  // ---- the oracle's data ----

  private VectorSchemaRoot everyType() {
    List<FieldVector> vectors = new ArrayList<>();

    TinyIntVector tiny = new TinyIntVector("tiny", allocator);
    SmallIntVector small = new SmallIntVector("small", allocator);
    IntVector integer = new IntVector("int", allocator);
    BigIntVector big = new BigIntVector("big", allocator);
    Float4Vector f4 = new Float4Vector("float", allocator);
    Float8Vector f8 = new Float8Vector("double", allocator);
    DecimalVector dec = new DecimalVector("dec", allocator, 38, 10);
    DecimalVector money = new DecimalVector("money", allocator, 10, 2);
    VarCharVector str = new VarCharVector("str", allocator);
    VarBinaryVector bin = new VarBinaryVector("bin", allocator);
    BitVector bool = new BitVector("bool", allocator);
    DateDayVector date = new DateDayVector("date", allocator);
    TimeStampMicroTZVector ts = new TimeStampMicroTZVector("ts", allocator, "UTC");
    TimeStampMicroTZVector tsOffset = new TimeStampMicroTZVector("ts_offset", allocator, "+5:30");
    TimeStampMicroVector ntz = new TimeStampMicroVector("ts_ntz", allocator);
    IntervalYearVector ym = new IntervalYearVector("ym", allocator);
    DurationVector dt = new DurationVector("dt", FieldType.nullable(new ArrowType.Duration(TimeUnit.MICROSECOND)), allocator);

    long[] longs = {Long.MIN_VALUE, Long.MAX_VALUE, 0, -1, 42, 0, 1L << 53};
    double[] doubles = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0, 1e20, 0, 0.1};
    String[] strings = {"", "h\u00e9llo \u6f22\u5b57 \uD83D\uDE00", null, "quote \" back \\ nl \n tab \t", "plain", "x", "{\"a\":1}"};
    BigDecimal[] decimals = {
      new BigDecimal("-9999999999999999999999999999.9999999999"), new BigDecimal("9999999999999999999999999999.9999999999"),
      null, new BigDecimal("0E-10"), new BigDecimal("-0.0000000001"), new BigDecimal("123456789012345678.1234567890"),
      new BigDecimal("1.5000000000")};
    int[] days = {-719162, -1, 0, 19_000, 2_932_896, 0, 18_000};
    long[] micros = {-62135596800000000L, -1, 0, 1_700_000_000_123_456L, 253402300799999999L, 0, 86_400_000_001L};

    for (int i = 0; i < ROWS; i++) {
      boolean nullRow = i == 5;
      if (nullRow) {
        for (FieldVector v : List.of(tiny, small, integer, big, f4, f8, dec, money, str, bin, bool, date, ts, tsOffset, ntz, ym, dt)) {
          v.setNull(i);
        }
        continue;
      }
      tiny.setSafe(i, new byte[] {Byte.MIN_VALUE, Byte.MAX_VALUE, 0, -1, 7, 0, 1}[i]);
      small.setSafe(i, new short[] {Short.MIN_VALUE, Short.MAX_VALUE, 0, -1, 300, 0, 1}[i]);
      integer.setSafe(i, new int[] {Integer.MIN_VALUE, Integer.MAX_VALUE, 0, -1, 100_000, 0, 1}[i]);
      big.setSafe(i, longs[i]);
      f4.setSafe(i, (float) doubles[i]);
      f8.setSafe(i, doubles[i]);
      if (decimals[i] == null) {
        dec.setNull(i);
        money.setNull(i);
      } else {
        dec.setSafe(i, decimals[i]);
        money.setSafe(i, new BigDecimal(new String[] {"-99999999.99", "99999999.99", "0.00", "-0.01", "1.10", "0", "12.34"}[i]));
      }
      if (strings[i] == null) {
        str.setNull(i);
        bin.setNull(i);
      } else {
        str.setSafe(i, strings[i].getBytes(StandardCharsets.UTF_8));
        bin.setSafe(i, new byte[] {(byte) i, (byte) 0xFF, 0, (byte) 0x80});
      }
      bool.setSafe(i, i % 2);
      date.setSafe(i, days[i]);
      ts.setSafe(i, micros[i]);
      tsOffset.setSafe(i, micros[i]);
      ntz.setSafe(i, micros[i]);
      ym.setSafe(i, new int[] {-14, 14, 0, -3, 1200, 0, 1}[i]);
      dt.setSafe(i, new long[] {-90_061_000_001L, 90_061_500_000L, 0, -1, 86_400_000_000L * 400, 0, 1}[i]);
    }
    vectors.addAll(List.of(tiny, small, integer, big, f4, f8, dec, money, str, bin, bool, date, ts, tsOffset, ntz, ym, dt));

    // ARRAY<INT>: [1,2], [], null, [null,3], [min,max], null, [0]
    ListVector list = ListVector.empty("list", allocator);
    UnionListWriter lw = list.getWriter();
    int[][] lists = {{1, 2}, {}, null, {Integer.MIN_VALUE, 3}, {Integer.MIN_VALUE, Integer.MAX_VALUE}, null, {0}};
    for (int i = 0; i < ROWS; i++) {
      if (lists[i] == null) {
        continue;
      }
      lw.setPosition(i);
      lw.startList();
      for (int j = 0; j < lists[i].length; j++) {
        if (i == 3 && j == 0) {
          lw.integer().writeNull();
        } else {
          lw.integer().writeInt(lists[i][j]);
        }
      }
      lw.endList();
    }
    lw.setValueCount(ROWS);
    vectors.add(list);

    // ARRAY<STRUCT<a: INT, b: STRING>>
    ListVector structs = ListVector.empty("list_of_struct", allocator);
    UnionListWriter sl = structs.getWriter();
    for (int i = 0; i < ROWS; i++) {
      if (i == 5) {
        continue;
      }
      sl.setPosition(i);
      sl.startList();
      for (int j = 0; j < i % 3; j++) {
        sl.struct().start();
        sl.struct().integer("a").writeInt(i * 10 + j);
        if (j == 1) {
          sl.struct().varChar("b").writeNull();
        } else {
          sl.struct().varChar("b").writeVarChar(new Text("s\"" + i + "\u00e9"));
        }
        sl.struct().end();
      }
      sl.endList();
    }
    sl.setValueCount(ROWS);
    vectors.add(structs);

    // STRUCT<x: BIGINT, y: STRING, d: DOUBLE>
    StructVector struct = StructVector.empty("struct", allocator);
    NullableStructWriter sw = struct.getWriter();
    for (int i = 0; i < ROWS; i++) {
      if (i == 2 || i == 5) {
        continue;
      }
      sw.setPosition(i);
      sw.start();
      sw.bigInt("x").writeBigInt(longs[i]);
      if (i == 4) {
        sw.varChar("y").writeNull();
      } else {
        sw.varChar("y").writeVarChar(new Text("y" + i));
      }
      sw.float8("d").writeFloat8(doubles[i]);
      sw.end();
    }
    sw.setValueCount(ROWS);
    vectors.add(struct);

    // MAP<STRING, INT> with null values and empty maps
    MapVector map = MapVector.empty("map", allocator, false);
    UnionMapWriter mw = map.getWriter();
    for (int i = 0; i < ROWS; i++) {
      if (i == 5) {
        continue;
      }
      mw.setPosition(i);
      mw.startMap();
      for (int j = 0; j < i % 3; j++) {
        mw.startEntry();
        mw.key().varChar().writeVarChar(new Text("k" + j));
        if (j == 1) {
          mw.value().integer().writeNull();
        } else {
          mw.value().integer().writeInt(i * 100 + j);
        }
        mw.endEntry();
      }
      mw.endMap();
    }
    mw.setValueCount(ROWS);
    vectors.add(map);

    // MAP<INT, STRING>: keys become JSON strings
    MapVector intKeys = MapVector.empty("map_int_keys", allocator, false);
    UnionMapWriter ik = intKeys.getWriter();
    for (int i = 0; i < ROWS; i++) {
      ik.setPosition(i);
      ik.startMap();
      ik.startEntry();
      ik.key().integer().writeInt(i);
      ik.value().varChar().writeVarChar(new Text("v" + i));
      ik.endEntry();
      ik.endMap();
    }
    ik.setValueCount(ROWS);
    vectors.add(intKeys);

    VectorSchemaRoot root = new VectorSchemaRoot(vectors);
    root.setRowCount(ROWS);
    return track(root);
  }

  private byte[] write(VectorSchemaRoot root, DictionaryProvider provider, boolean lz4Buffers, boolean legacy, int batches)
      throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    IpcOption option = new IpcOption(legacy, MetadataVersion.V5);
    try (ArrowStreamWriter writer = lz4Buffers
        ? new ArrowStreamWriter(root, provider, Channels.newChannel(out), option, CommonsCompressionFactory.INSTANCE,
            CompressionUtil.CodecType.LZ4_FRAME)
        : new ArrowStreamWriter(root, provider, Channels.newChannel(out), option)) {
      writer.start();
      for (int i = 0; i < batches; i++) {
        writer.writeBatch();
      }
      writer.end();
    }
    return out.toByteArray();
  }

  private static List<ArrowBatch> readAll(ArrowStreamReader reader) throws IOException {
    List<ArrowBatch> batches = new ArrayList<>();
    for (ArrowBatch b = reader.next(); b != null; b = reader.next()) {
      batches.add(b);
    }
    assertNull(reader.next(), "stays at end");
    return batches;
  }

  // ---- row-for-row comparison with Arrow Java ----

  @ParameterizedTest(name = "lz4 buffers={0}, legacy framing={1}")
  @CsvSource({"false, false", "true, false", "false, true", "true, true"})
  void everyTypeMatchesArrowJava(boolean lz4, boolean legacy) throws IOException {
    VectorSchemaRoot root = everyType();
    byte[] stream = write(root, null, lz4, legacy, 2);
    try (ArrowStreamReader reader = new ArrowStreamReader(new ByteArrayInputStream(stream))) {
      List<ArrowBatch> batches = readAll(reader);
      assertEquals(2, batches.size());
      for (ArrowBatch batch : batches) {
        assertEquals(ROWS, batch.rowCount());
        assertTrue(batch.retainedBytes() > 0);
        compare(root, batch);
      }
    }
  }

  @Test
  void wholeStreamInAnLz4FrameAsDatabricksSendsIt() throws IOException {
    VectorSchemaRoot root = everyType();
    byte[] stream = write(root, null, false, false, 3);
    ByteArrayOutputStream framed = new ByteArrayOutputStream();
    try (OutputStream lz4 = new LZ4FrameOutputStream(framed, LZ4FrameOutputStream.BLOCKSIZE.SIZE_64KB)) {
      lz4.write(stream);
    }
    try (ArrowStreamReader reader = ArrowStreamReader.open(new ByteArrayInputStream(framed.toByteArray()), true)) {
      List<ArrowBatch> batches = readAll(reader);
      assertEquals(3, batches.size());
      compare(root, batches.get(2));
    }
  }

  private void compare(VectorSchemaRoot root, ArrowBatch batch) throws IOException {
    assertEquals(root.getFieldVectors().size(), batch.columnCount());
    for (int c = 0; c < batch.columnCount(); c++) {
      FieldVector expected = root.getVector(c);
      ArrowVector actual = batch.column(c);
      assertEquals(expected.getName(), actual.field().name());
      for (int r = 0; r < ROWS; r++) {
        String where = expected.getName() + " row " + r;
        assertEquals(expected.isNull(r), batch.isNull(r, c), where);
        if (expected.isNull(r)) {
          assertNull(batch.text(r, c), where);
          continue;
        }
        compareValue(expected, actual, r, where);
        assertEquals(oracleText(expected, r), batch.text(r, c), where);
        assertEquals(batch.text(r, c), batch.getString(r, c), where);
      }
    }
  }

  private static void compareValue(FieldVector expected, ArrowVector actual, int r, String where) {
    Object value = expected.getObject(r);
    if (expected instanceof TinyIntVector || expected instanceof SmallIntVector || expected instanceof IntVector
        || expected instanceof BigIntVector) {
      assertEquals(((Number) value).longValue(), actual.getLong(r), where);
      if (!(expected instanceof BigIntVector)) {
        assertEquals(((Number) value).intValue(), actual.getInt(r), where);
      }
      assertEquals(BigDecimal.valueOf(((Number) value).longValue()), actual.getBigDecimal(r), where);
    } else if (expected instanceof Float4Vector) {
      assertEquals(Float.floatToIntBits((Float) value), Float.floatToIntBits(actual.getFloat(r)), where);
      assertEquals(((Float) value).doubleValue(), actual.getDouble(r), where);
    } else if (expected instanceof Float8Vector) {
      assertEquals(Double.doubleToLongBits((Double) value), Double.doubleToLongBits(actual.getDouble(r)), where);
    } else if (expected instanceof DecimalVector) {
      assertEquals(value, actual.getBigDecimal(r), where);
      assertEquals(((BigDecimal) value).scale(), actual.getBigDecimal(r).scale(), where);
    } else if (expected instanceof VarCharVector) {
      assertEquals(value.toString(), actual.getString(r), where);
      assertArrayEquals(((VarCharVector) expected).get(r), actual.getBytes(r), where);
    } else if (expected instanceof VarBinaryVector) {
      assertArrayEquals((byte[]) value, actual.getBytes(r), where);
    } else if (expected instanceof BitVector) {
      assertEquals(value, actual.getBoolean(r), where);
    } else if (expected instanceof DateDayVector) {
      assertEquals(LocalDate.ofEpochDay(((DateDayVector) expected).get(r)), actual.getLocalDate(r), where);
    } else if (expected instanceof TimeStampMicroTZVector) {
      long micros = ((TimeStampMicroTZVector) expected).get(r);
      Instant instant = Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L);
      assertEquals(instant, actual.getInstant(r), where);
      assertEquals(ArrowKind.TIMESTAMP, actual.kind());
      assertNotNull(actual.field().timezone(), where);
      assertEquals(LocalDateTime.ofInstant(instant, actual.field().zone()), actual.getLocalDateTime(r), where);
    } else if (expected instanceof TimeStampMicroVector) {
      assertEquals(value, actual.getLocalDateTime(r), where);
      assertNull(actual.field().timezone(), where);
      assertEquals(((LocalDateTime) value).toInstant(ZoneOffset.UTC), actual.getInstant(r), where);
    } else if (expected instanceof IntervalYearVector) {
      assertEquals(((Period) value).toTotalMonths(), actual.getPeriod(r).toTotalMonths(), where);
    } else if (expected instanceof DurationVector) {
      assertEquals(value, actual.getDuration(r), where);
    }
  }

  /** What JSON_ARRAY would carry, computed from Arrow Java's values (leaves) and Jackson (JSON text). */
  private static String oracleText(ValueVector v, int r) throws IOException {
    if (v instanceof ListVector || v instanceof StructVector) {
      StringBuilder sb = new StringBuilder();
      oracleJson(sb, v, r);
      return sb.toString();
    }
    Object value = v.getObject(r);
    if (v instanceof VarBinaryVector) {
      return java.util.Base64.getEncoder().encodeToString((byte[]) value);
    }
    if (v instanceof DecimalVector) {
      return ((BigDecimal) value).toPlainString();
    }
    if (v instanceof DateDayVector) {
      return LocalDate.ofEpochDay(((DateDayVector) v).get(r)).toString();
    }
    if (v instanceof TimeStampMicroTZVector || v instanceof TimeStampMicroVector) {
      long micros = v instanceof TimeStampMicroVector ? ((TimeStampMicroVector) v).get(r) : ((TimeStampMicroTZVector) v).get(r);
      return java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
          .format(LocalDateTime.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), (int) Math.floorMod(micros, 1_000_000L) * 1000, ZoneOffset.UTC));
    }
    if (v instanceof IntervalYearVector) {
      long months = ((Period) value).toTotalMonths();
      return (months < 0 ? "-" : "") + Math.abs(months) / 12 + "-" + Math.abs(months) % 12;
    }
    if (v instanceof DurationVector) {
      Duration d = (Duration) value;
      Duration abs = d.abs();
      return String.format("%s%d %02d:%02d:%02d.%09d", d.isNegative() ? "-" : "", abs.toDays(), abs.toHoursPart(),
          abs.toMinutesPart(), abs.toSecondsPart(), abs.toNanosPart());
    }
    return value.toString();
  }

  private static void oracleJson(StringBuilder sb, ValueVector v, int r) throws IOException {
    if (v.isNull(r)) {
      sb.append("null");
    } else if (v instanceof MapVector) {
      MapVector map = (MapVector) v;
      StructVector entries = (StructVector) map.getDataVector();
      sb.append('{');
      for (int i = map.getElementStartIndex(r); i < map.getElementEndIndex(r); i++) {
        if (i > map.getElementStartIndex(r)) {
          sb.append(',');
        }
        sb.append(JSON.writeValueAsString(String.valueOf(entries.getChild(MapVector.KEY_NAME).getObject(i))));
        sb.append(':');
        oracleJson(sb, entries.getChild(MapVector.VALUE_NAME), i);
      }
      sb.append('}');
    } else if (v instanceof ListVector) {
      ListVector list = (ListVector) v;
      sb.append('[');
      for (int i = list.getElementStartIndex(r); i < list.getElementEndIndex(r); i++) {
        if (i > list.getElementStartIndex(r)) {
          sb.append(',');
        }
        oracleJson(sb, list.getDataVector(), i);
      }
      sb.append(']');
    } else if (v instanceof StructVector) {
      StructVector struct = (StructVector) v;
      sb.append('{');
      boolean first = true;
      for (FieldVector child : struct.getChildrenFromFields()) {
        if (!first) {
          sb.append(',');
        }
        first = false;
        sb.append(JSON.writeValueAsString(child.getName())).append(':');
        oracleJson(sb, child, r);
      }
      sb.append('}');
    } else {
      Object value = v.getObject(r);
      if (value instanceof Text) {
        value = value.toString();
      }
      sb.append(JSON.writeValueAsString(value)); // Jackson writes NaN/Infinity as strings by default
    }
  }

  // ---- exact JSON_ARRAY texts, pinned ----

  @Test
  void textsAsJsonArrayCarriesThem() throws IOException {
    VectorSchemaRoot root = everyType();
    try (ArrowStreamReader reader = new ArrowStreamReader(new ByteArrayInputStream(write(root, null, true, false, 1)))) {
      ArrowBatch b = reader.next();
      int col = 0;
      Map<String, Integer> index = new java.util.HashMap<>();
      for (ArrowField f : reader.schema()) {
        index.put(f.name(), col++);
      }
      assertEquals("-9223372036854775808", b.text(0, index.get("big")));
      assertEquals("NaN", b.text(0, index.get("double")));
      assertEquals("Infinity", b.text(1, index.get("double")));
      assertEquals("-0.0", b.text(3, index.get("double")));
      assertEquals("1.0E20", b.text(4, index.get("double")));
      assertEquals("0.1", b.text(6, index.get("double")));
      assertEquals("0.1", b.text(6, index.get("float")));
      assertEquals("-9999999999999999999999999999.9999999999", b.text(0, index.get("dec")));
      assertEquals("0.0000000000", b.text(3, index.get("dec")));
      assertEquals("1.10", b.text(4, index.get("money")));
      assertEquals("true", b.text(1, index.get("bool")));
      assertEquals("false", b.text(0, index.get("bool")));
      assertEquals("0001-01-01", b.text(0, index.get("date")));
      assertEquals("1969-12-31", b.text(1, index.get("date")));
      assertEquals("0001-01-01T00:00:00.000Z", b.text(0, index.get("ts")));
      assertEquals("1969-12-31T23:59:59.999Z", b.text(1, index.get("ts")));
      assertEquals("2023-11-14T22:13:20.123Z", b.text(3, index.get("ts")));
      assertEquals("2023-11-14T22:13:20.123Z", b.text(3, index.get("ts_ntz")));
      assertEquals(LocalDateTime.of(2023, 11, 15, 3, 43, 20, 123_456_000), b.getLocalDateTime(3, index.get("ts_offset")));
      assertEquals(LocalDateTime.of(2023, 11, 14, 22, 13, 20, 123_456_000), b.getLocalDateTime(3, index.get("ts_ntz")));
      assertEquals("-1-2", b.text(0, index.get("ym")));
      assertEquals("-1 01:01:01.000001000", b.text(0, index.get("dt")));
      assertEquals("[1,2]", b.text(0, index.get("list")));
      assertEquals("[]", b.text(1, index.get("list")));
      assertEquals("[null,3]", b.text(3, index.get("list")));
      assertEquals("[{\"a\":20,\"b\":\"s\\\"2\u00e9\"},{\"a\":21,\"b\":null}]", b.text(2, index.get("list_of_struct")));
      assertEquals("{\"x\":-1,\"y\":\"y3\",\"d\":-0.0}", b.text(3, index.get("struct")));
      assertEquals("{\"x\":42,\"y\":null,\"d\":1.0E20}", b.text(4, index.get("struct")));
      assertEquals("{\"x\":-9223372036854775808,\"y\":\"y0\",\"d\":\"NaN\"}", b.text(0, index.get("struct")));
      assertEquals("{\"k0\":200,\"k1\":null}", b.text(2, index.get("map")));
      assertEquals("{}", b.text(3, index.get("map")));
      assertEquals("{\"2\":\"v2\"}", b.text(2, index.get("map_int_keys")));
      assertEquals("h\u00e9llo \u6f22\u5b57 \uD83D\uDE00", b.getString(1, index.get("str")));
      assertEquals("", b.getString(0, index.get("str")));
    }
  }

  // ---- dictionaries ----

  @ParameterizedTest(name = "lz4 buffers={0}")
  @CsvSource({"false", "true"})
  void dictionaryEncodedStrings(boolean lz4) throws IOException {
    VarCharVector values = track(new VarCharVector("dict", allocator));
    String[] words = {"red", "gr\u00fcn", "", "blue"};
    for (int i = 0; i < words.length; i++) {
      values.setSafe(i, words[i].getBytes(StandardCharsets.UTF_8));
    }
    values.setValueCount(words.length);
    Dictionary dictionary = new Dictionary(values, new DictionaryEncoding(7L, false, new ArrowType.Int(16, true)));
    DictionaryProvider.MapDictionaryProvider provider = new DictionaryProvider.MapDictionaryProvider(dictionary);

    VarCharVector plain = track(new VarCharVector("color", allocator));
    String[] rows = {"blue", null, "red", "", "gr\u00fcn", "blue", null, "red"};
    for (int i = 0; i < rows.length; i++) {
      if (rows[i] == null) {
        plain.setNull(i);
      } else {
        plain.setSafe(i, rows[i].getBytes(StandardCharsets.UTF_8));
      }
    }
    plain.setValueCount(rows.length);
    FieldVector encoded = (FieldVector) track(DictionaryEncoder.encode(plain, dictionary));
    VectorSchemaRoot root = track(new VectorSchemaRoot(List.of(encoded)));
    root.setRowCount(rows.length);

    try (ArrowStreamReader reader = new ArrowStreamReader(new ByteArrayInputStream(write(root, provider, lz4, false, 2)))) {
      ArrowField field = reader.schema().get(0);
      assertTrue(field.isDictionaryEncoded());
      assertEquals(7L, field.dictionaryId());
      assertEquals(ArrowKind.UTF8, field.kind());
      assertEquals(ArrowKind.INT16, field.indexKind());
      List<ArrowBatch> batches = readAll(reader);
      assertEquals(2, batches.size());
      for (ArrowBatch batch : batches) {
        for (int r = 0; r < rows.length; r++) {
          assertEquals(rows[r] == null, batch.isNull(r, 0), "row " + r);
          assertEquals(rows[r], batch.text(r, 0), "row " + r);
          if (rows[r] != null) {
            assertArrayEquals(rows[r].getBytes(StandardCharsets.UTF_8), batch.getBytes(r, 0));
          }
        }
        assertTrue(batch.retainedBytes() > 0);
      }
    }
  }

  // ---- field metadata ----

  @Test
  void databricksSqlNameMetadata() throws IOException {
    VarCharVector v = track(new VarCharVector(new org.apache.arrow.vector.types.pojo.Field("arr",
        new FieldType(true, ArrowType.Utf8.INSTANCE, null, Map.of("Spark:DataType:SqlName", "ARRAY<INT>")), null), allocator));
    v.setSafe(0, "[1,2]".getBytes(StandardCharsets.UTF_8));
    v.setValueCount(1);
    VectorSchemaRoot root = track(new VectorSchemaRoot(List.of((FieldVector) v)));
    root.setRowCount(1);
    try (ArrowStreamReader reader = new ArrowStreamReader(new ByteArrayInputStream(write(root, null, false, false, 1)))) {
      assertEquals("ARRAY<INT>", reader.schema().get(0).sqlName());
      assertEquals("[1,2]", reader.next().text(0, 0));
    }
  }

  @Test
  void stringsParseForTypedGetters() throws IOException {
    VarCharVector v = track(new VarCharVector("s", allocator));
    String[] texts = {"12", "2024-02-29", "2024-02-29T10:15:30.123Z", "-1.50", "true"};
    for (int i = 0; i < texts.length; i++) {
      v.setSafe(i, texts[i].getBytes(StandardCharsets.UTF_8));
    }
    v.setValueCount(texts.length);
    VectorSchemaRoot root = track(new VectorSchemaRoot(List.of((FieldVector) v)));
    root.setRowCount(texts.length);
    try (ArrowStreamReader reader = new ArrowStreamReader(new ByteArrayInputStream(write(root, null, false, false, 1)))) {
      ArrowBatch b = reader.next();
      assertEquals(12L, b.getLong(0, 0));
      assertEquals(LocalDate.of(2024, 2, 29), b.getLocalDate(1, 0));
      assertEquals(Instant.parse("2024-02-29T10:15:30.123Z"), b.getInstant(2, 0));
      assertEquals(new BigDecimal("-1.50"), b.getBigDecimal(3, 0));
      assertTrue(b.getBoolean(4, 0));
      assertThrows(NumberFormatException.class, () -> b.getLong(1, 0));
    }
  }

  // ---- bad input ----

  @Test
  void emptyStreamsAndTruncation() throws IOException {
    VectorSchemaRoot root = everyType();
    byte[] stream = write(root, null, false, false, 1);
    try (ArrowStreamReader reader = new ArrowStreamReader(new ByteArrayInputStream(new byte[0]))) {
      assertTrue(assertThrows(IOException.class, reader::schema).getMessage().contains("before its schema"));
    }
    // Without the end-of-stream marker: still read to the end.
    byte[] noEos = java.util.Arrays.copyOf(stream, stream.length - 8);
    try (ArrowStreamReader reader = new ArrowStreamReader(new ByteArrayInputStream(noEos))) {
      assertEquals(1, readAll(reader).size());
    }
    for (int cut : new int[] {3, 6, 100, stream.length / 2, stream.length - 20}) {
      byte[] truncated = java.util.Arrays.copyOf(stream, cut);
      IOException e = assertThrows(IOException.class, () -> {
        try (ArrowStreamReader reader = new ArrowStreamReader(new ByteArrayInputStream(truncated))) {
          readAll(reader);
        }
      });
      assertTrue(e.getMessage().startsWith("Truncated Arrow stream"), cut + ": " + e.getMessage());
    }
  }

  @Test
  void lz4BytesGivenAsArrowAreNamed() throws IOException {
    VectorSchemaRoot root = everyType();
    ByteArrayOutputStream framed = new ByteArrayOutputStream();
    try (OutputStream lz4 = new LZ4FrameOutputStream(framed)) {
      lz4.write(write(root, null, false, false, 1));
    }
    IOException e = assertThrows(IOException.class, () -> {
      try (ArrowStreamReader reader = new ArrowStreamReader(new ByteArrayInputStream(framed.toByteArray()))) {
        reader.schema();
      }
    });
    assertTrue(e.getMessage().contains("LZ4"), e.getMessage());
  }

  @Test
  void corruptLz4BufferIsAnIoError() throws IOException {
    VarCharVector v = track(new VarCharVector("s", allocator));
    for (int i = 0; i < 2000; i++) {
      v.setSafe(i, ("value number " + i).getBytes(StandardCharsets.UTF_8));
    }
    v.setValueCount(2000);
    VectorSchemaRoot root = track(new VectorSchemaRoot(List.of((FieldVector) v)));
    root.setRowCount(2000);
    byte[] stream = write(root, null, true, false, 1);
    stream[stream.length - 200] ^= 0x55; // inside the compressed data buffer
    IOException e = assertThrows(IOException.class, () -> {
      try (ArrowStreamReader reader = new ArrowStreamReader(new ByteArrayInputStream(stream))) {
        readAll(reader);
      }
    });
    assertTrue(e.getMessage().contains("LZ4") || e.getMessage().contains("Arrow"), e.getMessage());
  }
}
