package dev.kiln.emulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jpountz.lz4.LZ4FrameInputStream;
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
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.MapVector;
import org.apache.arrow.vector.complex.StructVector;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * ARROW_STREAM over EXTERNAL_LINKS, checked with Apache Arrow Java as the oracle: every chunk is a complete
 * IPC stream Arrow Java reads, holding exactly the rows (and values) of the JSON_ARRAY result of the same
 * query, chunked the same way; LZ4_FRAME chunks decode with the reference LZ4 decoder to the same stream.
 */
class ArrowStreamTest {
  static final ObjectMapper EXACT =
      JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
  static final DateTimeFormatter JSON_TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'");

  /** Every Databricks type the emulator produces, edge values in rows 0 and 1, all NULL in row 2. */
  static final String ALL_TYPES =
      "SELECT * FROM all_types ORDER BY k";

  static LocalWorkspace ws;
  static LocalWorkspace nativeWs;
  static Wire wire;
  static BufferAllocator allocator;

  @BeforeAll
  static void start() {
    ws = LocalWorkspace.builder().chunkRowCount(2).start();
    nativeWs = LocalWorkspace.builder().chunkRowCount(2).arrowNativeComplexTypes(true).start();
    wire = new Wire(ws);
    allocator = new RootAllocator();
    String setup =
        "CREATE TABLE all_types (k INT, b TINYINT, s SMALLINT, i INT, l BIGINT, f FLOAT, d DOUBLE,"
            + " dec DECIMAL(38,3), small_dec DECIMAL(5,2), str VARCHAR, bin BLOB, bool BOOLEAN, dt DATE,"
            + " ts TIMESTAMPTZ, ts_local TIMESTAMP, arr INTEGER[], m MAP(VARCHAR, INTEGER),"
            + " st STRUCT(x INTEGER, y VARCHAR, z DECIMAL(4,1)), nested STRUCT(a INTEGER[], m MAP(INTEGER, VARCHAR)),"
            + " iv INTERVAL);"
            + "INSERT INTO all_types VALUES"
            + " (0, -128, -32768, -2147483648, -9223372036854775808, -3.4028235e38, -1.7976931348623157e308,"
            + "  -99999999999999999999999999999999999.999, -999.99, 'héllo ✓ \"quoted\"', '\\x00\\xFF\\x80'::BLOB,"
            + "  true, DATE '0001-01-01', TIMESTAMPTZ '1969-12-31 23:59:59.999+00', TIMESTAMP '2026-01-31 10:15:30.123',"
            + "  [1, NULL, 3], MAP {'a': 1, 'b': NULL}, {'x': 1, 'y': 'z', 'z': 12.5},"
            + "  {'a': [7, 8], 'm': MAP {1: 'one', 2: NULL}}, INTERVAL 1 DAY),"
            + " (1, 127, 32767, 2147483647, 9223372036854775807, 'NaN', 'Infinity',"
            + "  99999999999999999999999999999999999.999, 0.01, '', ''::BLOB,"
            + "  false, DATE '9999-12-31', TIMESTAMPTZ '2262-04-11 23:47:16.854+00', TIMESTAMP '1900-01-01 00:00:00',"
            + "  [], MAP {}, {'x': NULL, 'y': NULL, 'z': NULL}, {'a': NULL, 'm': NULL}, INTERVAL 90 MINUTE),"
            + " (2, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,"
            + "  NULL, NULL, NULL),"
            + " (3, 0, 0, 0, 0, -0.0, 1.5e-300, 0, -0.5, 'x', '\\x01'::BLOB, NULL, DATE '1970-01-01',"
            + "  TIMESTAMPTZ '2026-01-31 12:15:30.5+02', NULL, [NULL], MAP {'k': 0}, NULL, NULL, NULL),"
            + " (4, 1, 2, 3, 4, 5.25, 6.125, 7.001, 8.10, 'last', '\\x02'::BLOB, true, DATE '2026-02-28',"
            + "  TIMESTAMPTZ '2026-02-28 00:00:00+00', TIMESTAMP '2026-02-28 23:59:59.999', [4, 5],"
            + "  MAP {'z': 26}, {'x': 9, 'y': '', 'z': -0.1}, {'a': [], 'm': MAP {}}, INTERVAL 2 YEAR)";
    ws.sql().execute(setup);
    nativeWs.sql().execute(setup);
  }

  @AfterAll
  static void stop() {
    allocator.close();
    ws.close();
    nativeWs.close();
  }

  // ---- helpers ----

  private static JsonNode run(LocalWorkspace on, String sql, String format, String compression) {
    ObjectNode body = Wire.statement(on, sql).put("disposition", "EXTERNAL_LINKS").put("format", format);
    if (compression != null) {
      body.put("result_compression", compression);
    }
    JsonNode response = new Wire(on).execute(body);
    assertEquals("SUCCEEDED", response.at("/status/state").asText(), response.toString());
    return response;
  }

  private static Map<String, String> headersOf(JsonNode link) {
    Map<String, String> headers = new LinkedHashMap<>();
    link.path("http_headers").properties().forEach(e -> headers.put(e.getKey(), e.getValue().asText()));
    return headers;
  }

  /** Every chunk's link, chunk 0 from the response, the rest through the chunk endpoint. */
  private static List<JsonNode> links(LocalWorkspace on, JsonNode response) {
    List<JsonNode> links = new ArrayList<>();
    int count = response.at("/manifest/total_chunk_count").asInt();
    String id = response.path("statement_id").asText();
    for (int i = 0; i < count; i++) {
      links.add(i == 0 ? response.at("/result/external_links/0") : new Wire(on).chunk(id, i).at("/external_links/0"));
    }
    return links;
  }

  private static byte[] download(JsonNode link) {
    byte[] bytes = Wire.downloadBytes(link.path("external_link").asText(), headersOf(link));
    assertEquals(link.path("byte_count").asLong(), bytes.length, "byte_count is the size served");
    return bytes;
  }

  /** One Arrow chunk as rows of JSON_ARRAY-style text, with the schema and batch count. */
  static final class ArrowChunk {
    final List<Field> fields = new ArrayList<>();
    final List<String[]> rows = new ArrayList<>();
    int batches;
  }

  private static ArrowChunk readArrow(byte[] stream) {
    ArrowChunk chunk = new ArrowChunk();
    try (ArrowStreamReader reader = new ArrowStreamReader(new ByteArrayInputStream(stream), allocator)) {
      VectorSchemaRoot root = reader.getVectorSchemaRoot();
      chunk.fields.addAll(root.getSchema().getFields());
      while (reader.loadNextBatch()) {
        chunk.batches++;
        for (int r = 0; r < root.getRowCount(); r++) {
          String[] row = new String[root.getFieldVectors().size()];
          for (int c = 0; c < row.length; c++) {
            row[c] = text(root.getVector(c), r);
          }
          chunk.rows.add(row);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return chunk;
  }

  /** The value as JSON_ARRAY renders it (timestamps to milliseconds, binary base64, nested as JSON). */
  static String text(FieldVector vector, int row) {
    if (vector.isNull(row)) {
      return null;
    }
    if (vector instanceof ListVector || vector instanceof StructVector) {
      return json(vector, row).toString();
    }
    if (vector instanceof VarBinaryVector) {
      return Base64.getEncoder().encodeToString(((VarBinaryVector) vector).get(row));
    }
    if (vector instanceof DateDayVector) {
      return LocalDate.ofEpochDay(((DateDayVector) vector).get(row)).toString();
    }
    if (vector instanceof TimeStampMicroTZVector) {
      return JSON_TIMESTAMP.format(instant(((TimeStampMicroTZVector) vector).get(row)).atOffset(ZoneOffset.UTC));
    }
    if (vector instanceof TimeStampMicroVector) {
      return JSON_TIMESTAMP.format(instant(((TimeStampMicroVector) vector).get(row)).atOffset(ZoneOffset.UTC));
    }
    if (vector instanceof DecimalVector) {
      return ((DecimalVector) vector).getObject(row).toPlainString();
    }
    if (vector instanceof BitVector) {
      return Boolean.toString(((BitVector) vector).get(row) == 1);
    }
    if (vector instanceof Float4Vector) {
      return Float.toString(((Float4Vector) vector).get(row));
    }
    if (vector instanceof Float8Vector) {
      return Double.toString(((Float8Vector) vector).get(row));
    }
    return vector.getObject(row).toString(); // ints, utf8
  }

  /** A native nested value as the JSON tree JSON_ARRAY's text parses to (map keys as strings). */
  static JsonNode json(FieldVector vector, int row) {
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    if (vector.isNull(row)) {
      return nodes.nullNode();
    }
    if (vector instanceof MapVector) {
      MapVector map = (MapVector) vector;
      StructVector entries = (StructVector) map.getDataVector();
      ObjectNode object = nodes.objectNode();
      for (int j = map.getElementStartIndex(row); j < map.getElementEndIndex(row); j++) {
        object.set(text(entries.getChild("key"), j), json(entries.getChild("value"), j));
      }
      return object;
    }
    if (vector instanceof ListVector) {
      ListVector list = (ListVector) vector;
      ArrayNode array = nodes.arrayNode();
      for (int j = list.getElementStartIndex(row); j < list.getElementEndIndex(row); j++) {
        array.add(json((FieldVector) list.getDataVector(), j));
      }
      return array;
    }
    if (vector instanceof StructVector) {
      ObjectNode object = nodes.objectNode();
      for (FieldVector child : ((StructVector) vector).getChildrenFromFields()) {
        object.set(child.getName(), json(child, row));
      }
      return object;
    }
    if (vector instanceof VarCharVector) {
      return nodes.textNode(text(vector, row));
    }
    if (vector instanceof DecimalVector) {
      return nodes.numberNode(((DecimalVector) vector).getObject(row));
    }
    return nodes.numberNode(Long.parseLong(text(vector, row)));
  }

  private static Instant instant(long micros) {
    return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000);
  }

  /** The JSON_ARRAY rows of every chunk, in order, with each chunk's row count. */
  private static List<List<String[]>> jsonChunks(LocalWorkspace on, JsonNode response) {
    List<List<String[]>> chunks = new ArrayList<>();
    for (JsonNode link : links(on, response)) {
      JsonNode rows = readJson(Wire.downloadBytes(link.path("external_link").asText(), headersOf(link)));
      List<String[]> chunk = new ArrayList<>();
      for (JsonNode row : rows) {
        String[] values = new String[row.size()];
        for (int c = 0; c < values.length; c++) {
          values[c] = row.get(c).isNull() ? null : row.get(c).asText();
        }
        chunk.add(values);
      }
      chunks.add(chunk);
    }
    return chunks;
  }

  private static JsonNode readJson(byte[] bytes) {
    try {
      return EXACT.readTree(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void assertSameManifestShape(JsonNode json, JsonNode arrow) {
    assertEquals("ARROW_STREAM", arrow.at("/manifest/format").asText());
    assertEquals(json.at("/manifest/schema"), arrow.at("/manifest/schema"), "same Databricks schema");
    for (String field : List.of("total_chunk_count", "total_row_count", "truncated")) {
      assertEquals(json.at("/manifest/" + field), arrow.at("/manifest/" + field), field);
    }
    JsonNode jsonChunks = json.at("/manifest/chunks");
    JsonNode arrowChunks = arrow.at("/manifest/chunks");
    assertEquals(jsonChunks.size(), arrowChunks.size());
    long bytes = 0;
    for (int i = 0; i < jsonChunks.size(); i++) {
      for (String field : List.of("chunk_index", "row_offset", "row_count")) {
        assertEquals(jsonChunks.get(i).path(field), arrowChunks.get(i).path(field), "chunk " + i + " " + field);
      }
      bytes += arrowChunks.get(i).path("byte_count").asLong();
    }
    assertEquals(bytes, arrow.at("/manifest/total_byte_count").asLong());
  }

  // ---- tests ----

  @Test
  void everyTypeMatchesTheJsonArrayResultRowForRow() {
    JsonNode json = run(ws, ALL_TYPES, "JSON_ARRAY", null);
    JsonNode arrow = run(ws, ALL_TYPES, "ARROW_STREAM", null);
    assertSameManifestShape(json, arrow);
    assertFalse(arrow.path("manifest").has("result_compression"), "not asked, not echoed");
    assertEquals(3, arrow.at("/manifest/total_chunk_count").asInt());

    List<List<String[]>> expected = jsonChunks(ws, json);
    List<JsonNode> links = links(ws, arrow);
    for (int i = 0; i < links.size(); i++) {
      ArrowChunk chunk = readArrow(download(links.get(i)));
      assertEquals(1, chunk.batches);
      assertEquals(expected.get(i).size(), chunk.rows.size(), "rows of chunk " + i);
      for (int r = 0; r < chunk.rows.size(); r++) {
        assertArrayEquals(expected.get(i).get(r), chunk.rows.get(r), "chunk " + i + " row " + r);
      }
    }
  }

  @Test
  void arrowTypesAreThoseDatabricksSends() {
    JsonNode arrow = run(ws, ALL_TYPES, "ARROW_STREAM", null);
    ArrowChunk chunk = readArrow(download(links(ws, arrow).get(0)));
    Map<String, ArrowType> types = new LinkedHashMap<>();
    chunk.fields.forEach(f -> types.put(f.getName(), f.getType()));

    assertEquals(new ArrowType.Int(8, true), types.get("b"));
    assertEquals(new ArrowType.Int(16, true), types.get("s"));
    assertEquals(new ArrowType.Int(32, true), types.get("i"));
    assertEquals(new ArrowType.Int(64, true), types.get("l"));
    assertEquals(new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE), types.get("f"));
    assertEquals(new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE), types.get("d"));
    assertEquals(new ArrowType.Decimal(38, 3, 128), types.get("dec"));
    assertEquals(new ArrowType.Decimal(5, 2, 128), types.get("small_dec"));
    assertEquals(ArrowType.Utf8.INSTANCE, types.get("str"));
    assertEquals(ArrowType.Binary.INSTANCE, types.get("bin"));
    assertEquals(ArrowType.Bool.INSTANCE, types.get("bool"));
    assertEquals(new ArrowType.Date(DateUnit.DAY), types.get("dt"));
    assertEquals(new ArrowType.Timestamp(TimeUnit.MICROSECOND, "Etc/UTC"), types.get("ts"));
    assertEquals(new ArrowType.Timestamp(TimeUnit.MICROSECOND, "Etc/UTC"), types.get("ts_local"));
    // The Statement Execution API sends complex types and intervals as UTF-8 text.
    for (String text : List.of("arr", "m", "st", "nested", "iv")) {
      assertEquals(ArrowType.Utf8.INSTANCE, types.get(text), text);
    }
    for (Field field : chunk.fields) {
      assertTrue(field.isNullable(), field.getName());
    }
    // Spark's SQL type name rides along in the field metadata, as the manifest's type_text.
    JsonNode columns = arrow.at("/manifest/schema/columns");
    for (int c = 0; c < columns.size(); c++) {
      assertEquals(
          columns.get(c).path("type_text").asText(),
          chunk.fields.get(c).getMetadata().get("Spark:DataType:SqlName"),
          chunk.fields.get(c).getName());
    }
    assertEquals("ARRAY<INT>", chunk.fields.get(15).getMetadata().get("Spark:DataType:SqlName"));
  }

  @Test
  void timestampsKeepMicrosecondsAndDecimalsTheirScale() {
    JsonNode arrow =
        run(ws, "SELECT TIMESTAMPTZ '2026-01-31 10:15:30.123456+00' AS ts, TIMESTAMP '1969-12-31 23:59:59.999999' AS"
            + " old, 12.5::DECIMAL(10,4) AS d", "ARROW_STREAM", null);
    try (ArrowStreamReader reader =
        new ArrowStreamReader(new ByteArrayInputStream(download(links(ws, arrow).get(0))), allocator)) {
      assertTrue(reader.loadNextBatch());
      VectorSchemaRoot root = reader.getVectorSchemaRoot();
      assertEquals(
          Instant.parse("2026-01-31T10:15:30.123456Z"),
          instant(((TimeStampMicroTZVector) root.getVector("ts")).get(0)));
      assertEquals(-1L, ((TimeStampMicroTZVector) root.getVector("old")).get(0));
      assertEquals(new java.math.BigDecimal("12.5000"), ((DecimalVector) root.getVector("d")).getObject(0));
      assertFalse(reader.loadNextBatch());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void nativeComplexTypesMatchTheJsonText() {
    JsonNode json = run(nativeWs, ALL_TYPES, "JSON_ARRAY", null);
    JsonNode arrow = run(nativeWs, ALL_TYPES, "ARROW_STREAM", null);
    assertSameManifestShape(json, arrow);
    List<List<String[]>> expected = jsonChunks(nativeWs, json);
    List<JsonNode> links = links(nativeWs, arrow);
    for (int i = 0; i < links.size(); i++) {
      ArrowChunk chunk = readArrow(download(links.get(i)));
      if (i == 0) {
        Map<String, ArrowType> types = new LinkedHashMap<>();
        chunk.fields.forEach(f -> types.put(f.getName(), f.getType()));
        assertEquals(ArrowType.List.INSTANCE, types.get("arr"));
        assertEquals(new ArrowType.Map(false), types.get("m"));
        assertEquals(ArrowType.Struct.INSTANCE, types.get("st"));
        assertEquals(ArrowType.Utf8.INSTANCE, types.get("iv"));
        Field map = chunk.fields.get(16);
        assertEquals("entries", map.getChildren().get(0).getName());
        assertFalse(map.getChildren().get(0).getChildren().get(0).isNullable(), "map keys are not nullable");
        assertEquals(new ArrowType.Int(32, true), chunk.fields.get(18).getChildren().get(1).getChildren().get(0)
            .getChildren().get(0).getType(), "MAP<INT, STRING> keys are int32 inside a struct");
      }
      for (int r = 0; r < chunk.rows.size(); r++) {
        String[] want = expected.get(i).get(r);
        String[] got = chunk.rows.get(r);
        assertEquals(want.length, got.length);
        for (int c = 0; c < want.length; c++) {
          if (want[c] != null && (want[c].startsWith("[") || want[c].startsWith("{"))) {
            assertEquals(readJson(want[c].getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString(), got[c],
                "chunk " + i + " row " + r + " column " + c);
          } else {
            assertEquals(want[c], got[c], "chunk " + i + " row " + r + " column " + c);
          }
        }
      }
    }
  }

  @Test
  void largeChunksCarrySeveralRecordBatches() {
    LocalWorkspace big = LocalWorkspace.builder().chunkRowCount(10_000).start();
    try {
      String sql = "SELECT id, id % 7 = 0 AS sevens, CASE WHEN id % 3 = 0 THEN NULL ELSE 'r' || id END AS s"
          + " FROM range(25000)";
      JsonNode json = run(big, sql, "JSON_ARRAY", null);
      JsonNode arrow = run(big, sql, "ARROW_STREAM", null);
      assertSameManifestShape(json, arrow);
      List<List<String[]>> expected = jsonChunks(big, json);
      List<JsonNode> links = links(big, arrow);
      assertEquals(3, links.size());
      for (int i = 0; i < links.size(); i++) {
        ArrowChunk chunk = readArrow(download(links.get(i)));
        assertEquals((expected.get(i).size() + 4095) / 4096, chunk.batches, "batches of chunk " + i);
        for (int r = 0; r < chunk.rows.size(); r++) {
          assertArrayEquals(expected.get(i).get(r), chunk.rows.get(r));
        }
      }
    } finally {
      big.close();
    }
  }

  @Test
  void lz4FrameChunksDecodeToTheUncompressedStream() throws IOException {
    String sql = "SELECT id, 'value ' || (id % 10) AS v, id * 1.5 AS d FROM range(5)";
    JsonNode plain = run(ws, sql, "ARROW_STREAM", "NONE");
    JsonNode lz4 = run(ws, sql, "ARROW_STREAM", "LZ4_FRAME");
    assertEquals("NONE", plain.at("/manifest/result_compression").asText());
    assertEquals("LZ4_FRAME", lz4.at("/manifest/result_compression").asText());
    assertEquals(plain.at("/manifest/total_chunk_count"), lz4.at("/manifest/total_chunk_count"));

    List<JsonNode> plainLinks = links(ws, plain);
    List<JsonNode> lz4Links = links(ws, lz4);
    long total = 0;
    for (int i = 0; i < plainLinks.size(); i++) {
      byte[] frame = download(lz4Links.get(i));
      total += frame.length;
      assertEquals(0x184D2204, (frame[0] & 0xFF) | (frame[1] & 0xFF) << 8 | (frame[2] & 0xFF) << 16 | (frame[3] & 0xFF) << 24);
      byte[] decoded;
      try (InputStream in = new LZ4FrameInputStream(new ByteArrayInputStream(frame))) {
        decoded = in.readAllBytes();
      }
      assertArrayEquals(download(plainLinks.get(i)), decoded, "chunk " + i);
      assertEquals(plain.at("/manifest/chunks/" + i + "/row_count"), lz4.at("/manifest/chunks/" + i + "/row_count"));
    }
    assertEquals(total, lz4.at("/manifest/total_byte_count").asLong(), "byte counts are of the compressed chunks");
  }

  @Test
  void lz4IsNotAppliedToJsonAndTheManifestSaysSo() {
    JsonNode json = run(ws, "SELECT 1 AS one", "JSON_ARRAY", "LZ4_FRAME");
    assertEquals("NONE", json.at("/manifest/result_compression").asText());
    JsonNode link = json.at("/result/external_links/0");
    assertEquals("[[\"1\"]]", Wire.download(link.path("external_link").asText(), headersOf(link)).body);
  }

  @Test
  void untypedNullsFollowTheManifestAndLongOverflowFails() {
    JsonNode arrow = run(ws, "SELECT NULL AS n, 2::HUGEINT AS h FROM range(3)", "ARROW_STREAM", null);
    ArrowChunk chunk = readArrow(download(links(ws, arrow).get(0)));
    // DuckDB types a bare NULL as INT (Databricks says VOID); the Arrow field follows the manifest's type.
    assertEquals(arrow.at("/manifest/schema/columns/0/type_name").asText().equals("INT")
        ? new ArrowType.Int(32, true) : ArrowType.Utf8.INSTANCE, chunk.fields.get(0).getType());
    assertEquals(new ArrowType.Int(64, true), chunk.fields.get(1).getType());
    assertArrayEquals(new String[] {null, "2"}, chunk.rows.get(1));

    JsonNode overflow =
        wire.execute(
            Wire.statement(ws, "SELECT 170141183460469231731687303715884105727::HUGEINT AS h")
                .put("disposition", "EXTERNAL_LINKS").put("format", "ARROW_STREAM"));
    JsonNode done = overflow.at("/status/state").asText().equals("FAILED")
        ? overflow : wire.awaitStatement(overflow.path("statement_id").asText());
    assertEquals("FAILED", done.at("/status/state").asText(), done.toString());
    assertEquals("22003", done.at("/status/sql_state").asText());
    assertTrue(done.at("/status/error/message").asText().startsWith("[ARITHMETIC_OVERFLOW]"), done.toString());
  }

  @Test
  void emptyArrowResultsHaveNoChunks() {
    JsonNode arrow = run(ws, "SELECT id FROM range(0)", "ARROW_STREAM", "LZ4_FRAME");
    assertEquals(0, arrow.at("/manifest/total_chunk_count").asInt());
    assertEquals(0, arrow.at("/manifest/total_row_count").asInt());
    assertEquals("LONG", arrow.at("/manifest/schema/columns/0/type_name").asText());
    assertNull(arrow.path("result").get("external_links"));
  }

  @Test
  void inlineArrowAndUnknownCompressionAreRefused() {
    Wire.Reply inline =
        wire.post("/api/2.0/sql/statements/", Wire.statement(ws, "SELECT 1").put("format", "ARROW_STREAM"));
    assertEquals(400, inline.status, inline.body);
    assertEquals("INVALID_PARAMETER_VALUE", inline.json().path("error_code").asText());

    Wire.Reply zstd =
        wire.post(
            "/api/2.0/sql/statements/",
            Wire.statement(ws, "SELECT 1").put("disposition", "EXTERNAL_LINKS").put("format", "ARROW_STREAM")
                .put("result_compression", "ZSTD"));
    assertEquals(400, zstd.status, zstd.body);
    assertEquals("INVALID_PARAMETER_VALUE", zstd.json().path("error_code").asText());
    assertTrue(zstd.json().path("message").asText().contains("result_compression"), zstd.body);
  }
}
